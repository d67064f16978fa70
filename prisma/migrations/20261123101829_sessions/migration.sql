-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "hostRegionCode" TEXT,
ADD COLUMN     "recordingUrl" TEXT,
ADD COLUMN     "reminded15At" TIMESTAMP(3),
ADD COLUMN     "remindedDayAt" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_hostRegionCode_fkey" FOREIGN KEY ("hostRegionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;
