-- CreateEnum
CREATE TYPE "SimilarityReportStatus" AS ENUM ('queued', 'running', 'done', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "similarity_report" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "requestedById" TEXT,
    "status" "SimilarityReportStatus" NOT NULL DEFAULT 'queued',
    "comparisonCourseIds" JSONB NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "errorKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "ownerToken" TEXT,
    "heartbeatAt" TIMESTAMP(3),

    CONSTRAINT "similarity_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "similarity_entry" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "cluster" INTEGER,

    CONSTRAINT "similarity_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "similarity_pair" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "leftEntryId" TEXT NOT NULL,
    "rightEntryId" TEXT NOT NULL,
    "similarity" DOUBLE PRECISION NOT NULL,
    "longestFragment" INTEGER NOT NULL,
    "fragments" JSONB NOT NULL,

    CONSTRAINT "similarity_pair_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "similarity_report_status_createdAt_idx" ON "similarity_report"("status", "createdAt");

-- CreateIndex
CREATE INDEX "similarity_report_assignmentId_exerciseId_createdAt_idx" ON "similarity_report"("assignmentId", "exerciseId", "createdAt");

-- CreateIndex
CREATE INDEX "similarity_report_exerciseId_idx" ON "similarity_report"("exerciseId");

-- CreateIndex
CREATE INDEX "similarity_report_requestedById_idx" ON "similarity_report"("requestedById");

-- CreateIndex
CREATE INDEX "similarity_entry_submissionId_idx" ON "similarity_entry"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "similarity_entry_reportId_submissionId_key" ON "similarity_entry"("reportId", "submissionId");

-- CreateIndex
CREATE INDEX "similarity_pair_reportId_similarity_idx" ON "similarity_pair"("reportId", "similarity");

-- CreateIndex
CREATE INDEX "similarity_pair_leftEntryId_idx" ON "similarity_pair"("leftEntryId");

-- CreateIndex
CREATE INDEX "similarity_pair_rightEntryId_idx" ON "similarity_pair"("rightEntryId");

-- AddForeignKey
ALTER TABLE "similarity_report" ADD CONSTRAINT "similarity_report_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "similarity_report" ADD CONSTRAINT "similarity_report_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "exercise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "similarity_report" ADD CONSTRAINT "similarity_report_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "similarity_entry" ADD CONSTRAINT "similarity_entry_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "similarity_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "similarity_entry" ADD CONSTRAINT "similarity_entry_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "similarity_pair" ADD CONSTRAINT "similarity_pair_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "similarity_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "similarity_pair" ADD CONSTRAINT "similarity_pair_leftEntryId_fkey" FOREIGN KEY ("leftEntryId") REFERENCES "similarity_entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "similarity_pair" ADD CONSTRAINT "similarity_pair_rightEntryId_fkey" FOREIGN KEY ("rightEntryId") REFERENCES "similarity_entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
