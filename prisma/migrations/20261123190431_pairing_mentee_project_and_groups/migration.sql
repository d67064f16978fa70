-- AlterTable
ALTER TABLE "Pairing" ADD COLUMN     "menteeGroupId" TEXT,
ADD COLUMN     "menteeProjectId" TEXT,
ADD COLUMN     "mentorGroupId" TEXT;

-- CreateIndex
CREATE INDEX "Pairing_menteeProjectId_idx" ON "Pairing"("menteeProjectId");

-- CreateIndex
CREATE INDEX "Pairing_mentorGroupId_idx" ON "Pairing"("mentorGroupId");

-- CreateIndex
CREATE INDEX "Pairing_menteeGroupId_idx" ON "Pairing"("menteeGroupId");

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_menteeProjectId_fkey" FOREIGN KEY ("menteeProjectId") REFERENCES "ChangeProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_mentorGroupId_fkey" FOREIGN KEY ("mentorGroupId") REFERENCES "WorkingGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_menteeGroupId_fkey" FOREIGN KEY ("menteeGroupId") REFERENCES "WorkingGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
