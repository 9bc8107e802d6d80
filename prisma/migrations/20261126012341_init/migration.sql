-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "role" TEXT NOT NULL DEFAULT 'student',
    "locale" TEXT
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,
    CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" DATETIME,
    "refreshTokenExpiresAt" DATETIME,
    "scope" TEXT,
    "password" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "enrollment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'student',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    CONSTRAINT "enrollment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "exercise" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleZh" TEXT,
    "points" INTEGER NOT NULL,
    "order" INTEGER NOT NULL DEFAULT 0,
    "contentHash" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "latePenaltyPerDay" REAL NOT NULL DEFAULT 0,
    "allowLate" BOOLEAN NOT NULL DEFAULT false,
    "cooldownSeconds" INTEGER,
    "maxAttempts" INTEGER,
    "showHiddenDetailsBeforeDue" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "assignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "assignment_exercise" (
    "assignmentId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "order" INTEGER NOT NULL DEFAULT 0,
    "points" INTEGER,

    PRIMARY KEY ("assignmentId", "exerciseId"),
    CONSTRAINT "assignment_exercise_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "assignment_exercise_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "exercise" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "draft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "draft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "draft_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "exercise" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "submission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "courseId" TEXT,
    "code" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "score" REAL,
    "maxScore" REAL,
    "isLate" BOOLEAN NOT NULL DEFAULT false,
    "latePenalty" REAL NOT NULL DEFAULT 0,
    "result" JSONB,
    "clientToken" TEXT,
    "attempt" INTEGER,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "workerId" TEXT,
    "regradeOfId" TEXT,
    "regradedAt" DATETIME,
    CONSTRAINT "submission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "submission_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "exercise" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "submission_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "submission_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "course" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "submission_regradeOfId_fkey" FOREIGN KEY ("regradeOfId") REFERENCES "submission" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "progress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "courseId" TEXT,
    "bestScore" REAL NOT NULL DEFAULT 0,
    "maxScore" REAL NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "passedAt" DATETIME,
    "lastSubmissionId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "progress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "progress_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "exercise" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "progress_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "course" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "progress_lastSubmissionId_fkey" FOREIGN KEY ("lastSubmissionId") REFERENCES "submission" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "regrade_job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exerciseId" TEXT NOT NULL,
    "userId" TEXT,
    "requestedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "regrade_job_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "exercise" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "regrade_job_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "regrade_job_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "course_code_key" ON "course"("code");

-- CreateIndex
CREATE INDEX "enrollment_userId_idx" ON "enrollment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "enrollment_courseId_userId_key" ON "enrollment"("courseId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "exercise_slug_key" ON "exercise"("slug");

-- CreateIndex
CREATE INDEX "exercise_order_idx" ON "exercise"("order");

-- CreateIndex
CREATE INDEX "assignment_courseId_dueAt_idx" ON "assignment"("courseId", "dueAt");

-- CreateIndex
CREATE INDEX "assignment_exercise_exerciseId_idx" ON "assignment_exercise"("exerciseId");

-- CreateIndex
CREATE INDEX "draft_exerciseId_idx" ON "draft"("exerciseId");

-- CreateIndex
CREATE UNIQUE INDEX "draft_userId_exerciseId_key" ON "draft"("userId", "exerciseId");

-- CreateIndex
CREATE INDEX "submission_userId_exerciseId_receivedAt_idx" ON "submission"("userId", "exerciseId", "receivedAt");

-- CreateIndex
CREATE INDEX "submission_status_receivedAt_idx" ON "submission"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "submission_assignmentId_userId_idx" ON "submission"("assignmentId", "userId");

-- CreateIndex
CREATE INDEX "submission_courseId_receivedAt_idx" ON "submission"("courseId", "receivedAt");

-- CreateIndex
CREATE INDEX "submission_exerciseId_receivedAt_idx" ON "submission"("exerciseId", "receivedAt");

-- CreateIndex
CREATE INDEX "submission_regradeOfId_idx" ON "submission"("regradeOfId");

-- CreateIndex
CREATE UNIQUE INDEX "submission_userId_clientToken_key" ON "submission"("userId", "clientToken");

-- CreateIndex
CREATE INDEX "progress_exerciseId_idx" ON "progress"("exerciseId");

-- CreateIndex
CREATE INDEX "progress_courseId_idx" ON "progress"("courseId");

-- CreateIndex
CREATE INDEX "progress_lastSubmissionId_idx" ON "progress"("lastSubmissionId");

-- CreateIndex
CREATE UNIQUE INDEX "progress_userId_exerciseId_key" ON "progress"("userId", "exerciseId");

-- CreateIndex
CREATE INDEX "regrade_job_status_createdAt_idx" ON "regrade_job"("status", "createdAt");

-- CreateIndex
CREATE INDEX "regrade_job_exerciseId_idx" ON "regrade_job"("exerciseId");

-- CreateIndex
CREATE INDEX "regrade_job_userId_idx" ON "regrade_job"("userId");

-- CreateIndex
CREATE INDEX "regrade_job_requestedById_idx" ON "regrade_job"("requestedById");
