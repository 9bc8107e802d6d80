-- AlterTable
ALTER TABLE "regrade_job" ADD COLUMN "heartbeatAt" DATETIME;
ALTER TABLE "regrade_job" ADD COLUMN "ownerToken" TEXT;
