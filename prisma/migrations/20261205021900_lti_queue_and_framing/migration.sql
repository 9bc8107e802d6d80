-- AlterTable
ALTER TABLE "lti_platform" ADD COLUMN "frameOrigins" JSONB;

-- AlterTable
ALTER TABLE "lti_score_sync" ADD COLUMN "ownerToken" TEXT;
