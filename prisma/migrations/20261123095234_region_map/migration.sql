-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "mapPath" TEXT;
