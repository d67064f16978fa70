-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "icalEvent" TEXT,
ADD COLUMN     "icalMethod" TEXT;
