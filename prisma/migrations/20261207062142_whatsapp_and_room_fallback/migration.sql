-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "fallbackPhone" TEXT,
ADD COLUMN     "fallbackUrl" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "whatsapp" TEXT;
