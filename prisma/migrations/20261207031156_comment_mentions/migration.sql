-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "mentionedIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
