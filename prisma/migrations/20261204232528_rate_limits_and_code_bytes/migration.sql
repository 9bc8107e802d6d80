-- CreateTable
CREATE TABLE "rate_limit_bucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "emptyAt" DATETIME NOT NULL
);

-- AlterTable: an added column instead of Prisma's table rebuild, so a large submission table is
-- not copied.
ALTER TABLE "submission" ADD COLUMN "codeBytes" INTEGER NOT NULL DEFAULT 0;

-- Backfill: what each student sent so far counts toward their storage budget (regrade copies do not).
UPDATE "submission" SET "codeBytes" = length(CAST("code" AS BLOB)) WHERE "regradeOfId" IS NULL;

-- CreateIndex
CREATE INDEX "rate_limit_bucket_emptyAt_idx" ON "rate_limit_bucket"("emptyAt");
