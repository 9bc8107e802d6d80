-- CreateEnum
CREATE TYPE "ReleaseTiming" AS ENUM ('immediately', 'after_due', 'on_publish');

-- CreateEnum
CREATE TYPE "ExerciseScoring" AS ENUM ('proportional', 'all_or_nothing');

-- AlterTable
ALTER TABLE "assignment" ADD COLUMN     "hiddenDetailsRelease" "ReleaseTiming" NOT NULL DEFAULT 'after_due',
ADD COLUMN     "resultsPublishedAt" TIMESTAMP(3),
ADD COLUMN     "scoresRelease" "ReleaseTiming" NOT NULL DEFAULT 'immediately';

-- showHiddenDetailsBeforeDue becomes hiddenDetailsRelease: shown early = immediately, else after the due date.
UPDATE "assignment" SET "hiddenDetailsRelease" = 'immediately' WHERE "showHiddenDetailsBeforeDue";

ALTER TABLE "assignment" DROP COLUMN "showHiddenDetailsBeforeDue";

-- AlterTable
ALTER TABLE "assignment_exercise" ADD COLUMN     "scoring" "ExerciseScoring";
