-- AlterTable
ALTER TABLE "course" ADD COLUMN     "taMayOverrideScores" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "score_override" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "comment" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "score_override_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "score_override_userId_idx" ON "score_override"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "score_override_assignmentId_exerciseId_userId_key" ON "score_override"("assignmentId", "exerciseId", "userId");

-- AddForeignKey
ALTER TABLE "score_override" ADD CONSTRAINT "score_override_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score_override" ADD CONSTRAINT "score_override_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "exercise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score_override" ADD CONSTRAINT "score_override_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score_override" ADD CONSTRAINT "score_override_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
