-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_assignment" (
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
    "loadErrorsCostNoAttempt" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "assignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_assignment" ("allowLate", "cooldownSeconds", "courseId", "createdAt", "dueAt", "id", "latePenaltyPerDay", "maxAttempts", "opensAt", "showHiddenDetailsBeforeDue", "timeZone", "title", "updatedAt") SELECT "allowLate", "cooldownSeconds", "courseId", "createdAt", "dueAt", "id", "latePenaltyPerDay", "maxAttempts", "opensAt", "showHiddenDetailsBeforeDue", "timeZone", "title", "updatedAt" FROM "assignment";
DROP TABLE "assignment";
ALTER TABLE "new_assignment" RENAME TO "assignment";
CREATE INDEX "assignment_courseId_dueAt_idx" ON "assignment"("courseId", "dueAt");
CREATE TABLE "new_submission" (
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
    "didNotLoad" BOOLEAN NOT NULL DEFAULT false,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "workerId" TEXT,
    "regradeOfId" TEXT,
    "regradedAt" DATETIME,
    "codeBytes" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "submission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "submission_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "exercise" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "submission_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "submission_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "course" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "submission_regradeOfId_fkey" FOREIGN KEY ("regradeOfId") REFERENCES "submission" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_submission" ("assignmentId", "attempt", "clientToken", "code", "codeBytes", "courseId", "exerciseId", "finishedAt", "id", "isLate", "latePenalty", "maxScore", "mode", "receivedAt", "regradeOfId", "regradedAt", "result", "score", "seed", "startedAt", "status", "userId", "workerId") SELECT "assignmentId", "attempt", "clientToken", "code", "codeBytes", "courseId", "exerciseId", "finishedAt", "id", "isLate", "latePenalty", "maxScore", "mode", "receivedAt", "regradeOfId", "regradedAt", "result", "score", "seed", "startedAt", "status", "userId", "workerId" FROM "submission";
DROP TABLE "submission";
ALTER TABLE "new_submission" RENAME TO "submission";
CREATE INDEX "submission_userId_exerciseId_receivedAt_idx" ON "submission"("userId", "exerciseId", "receivedAt");
CREATE INDEX "submission_status_receivedAt_idx" ON "submission"("status", "receivedAt");
CREATE INDEX "submission_assignmentId_userId_idx" ON "submission"("assignmentId", "userId");
CREATE INDEX "submission_courseId_receivedAt_idx" ON "submission"("courseId", "receivedAt");
CREATE INDEX "submission_exerciseId_receivedAt_idx" ON "submission"("exerciseId", "receivedAt");
CREATE INDEX "submission_regradeOfId_idx" ON "submission"("regradeOfId");
CREATE UNIQUE INDEX "submission_userId_clientToken_key" ON "submission"("userId", "clientToken");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
