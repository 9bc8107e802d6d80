-- AlterTable
ALTER TABLE "regrade_job" ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "ownerToken" TEXT;
