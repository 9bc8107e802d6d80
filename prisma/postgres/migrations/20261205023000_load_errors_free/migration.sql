-- AlterTable
ALTER TABLE "assignment" ADD COLUMN     "loadErrorsCostNoAttempt" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "submission" ADD COLUMN     "didNotLoad" BOOLEAN NOT NULL DEFAULT false;
