-- AlterTable: added columns instead of Prisma's table rebuilds, so the submission table is not
-- copied and columns other migrations add to these tables are left alone.
ALTER TABLE "assignment" ADD COLUMN "loadErrorsCostNoAttempt" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "submission" ADD COLUMN "didNotLoad" BOOLEAN NOT NULL DEFAULT false;
