-- AlterTable
ALTER TABLE "assignment_exercise" ADD COLUMN "scoring" TEXT;

-- RedefineTables (after 20261205023000_load_errors_free: its column is copied over)
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
    "loadErrorsCostNoAttempt" BOOLEAN NOT NULL DEFAULT true,
    "hiddenDetailsRelease" TEXT NOT NULL DEFAULT 'after_due',
    "scoresRelease" TEXT NOT NULL DEFAULT 'immediately',
    "resultsPublishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "assignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- showHiddenDetailsBeforeDue becomes hiddenDetailsRelease: shown early = immediately, else after the due date.
INSERT INTO "new_assignment" ("allowLate", "cooldownSeconds", "courseId", "createdAt", "dueAt", "id", "latePenaltyPerDay", "maxAttempts", "loadErrorsCostNoAttempt", "opensAt", "timeZone", "title", "updatedAt", "hiddenDetailsRelease") SELECT "allowLate", "cooldownSeconds", "courseId", "createdAt", "dueAt", "id", "latePenaltyPerDay", "maxAttempts", "loadErrorsCostNoAttempt", "opensAt", "timeZone", "title", "updatedAt", CASE WHEN "showHiddenDetailsBeforeDue" THEN 'immediately' ELSE 'after_due' END FROM "assignment";
DROP TABLE "assignment";
ALTER TABLE "new_assignment" RENAME TO "assignment";
CREATE INDEX "assignment_courseId_dueAt_idx" ON "assignment"("courseId", "dueAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
