-- CreateTable
CREATE TABLE "BulkUpdate" (
    "id" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "changeCount" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BulkUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BulkUpdate_fileHash_key" ON "BulkUpdate"("fileHash");

-- CreateIndex
CREATE INDEX "BulkUpdate_createdById_idx" ON "BulkUpdate"("createdById");

-- AddForeignKey
ALTER TABLE "BulkUpdate" ADD CONSTRAINT "BulkUpdate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
