-- AlterTable
ALTER TABLE "submission" ADD COLUMN     "codeBytes" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "rate_limit_bucket" (
    "key" TEXT NOT NULL,
    "emptyAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limit_bucket_emptyAt_idx" ON "rate_limit_bucket"("emptyAt");

-- Backfill: what each student sent so far counts toward their storage budget (regrade copies do not).
UPDATE "submission" SET "codeBytes" = octet_length("code") WHERE "regradeOfId" IS NULL;
