-- AlterEnum
ALTER TYPE "SessionStatus" ADD VALUE 'NOT_HELD';

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "notHeldReason" TEXT,
ADD COLUMN     "recordedAt" TIMESTAMP(3),
ADD COLUMN     "recordedById" TEXT;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
