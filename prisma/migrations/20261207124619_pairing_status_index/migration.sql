-- CreateIndex
CREATE INDEX "Pairing_status_createdAt_idx" ON "Pairing"("status", "createdAt");
