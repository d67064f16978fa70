-- CreateTable
CREATE TABLE "ReplayedWrite" (
    "key" TEXT NOT NULL,
    "status" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReplayedWrite_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ReplayedWrite_createdAt_idx" ON "ReplayedWrite"("createdAt");
