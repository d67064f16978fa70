-- CreateIndex
CREATE INDEX "Assignment_ownerId_idx" ON "Assignment"("ownerId");

-- CreateIndex
CREATE INDEX "CheckIn_authorId_idx" ON "CheckIn"("authorId");

-- CreateIndex
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");

-- CreateIndex
CREATE INDEX "Lesson_authorId_idx" ON "Lesson"("authorId");

-- CreateIndex
CREATE INDEX "Lesson_publishedById_idx" ON "Lesson"("publishedById");

-- CreateIndex
CREATE INDEX "Membership_organisationId_idx" ON "Membership"("organisationId");

-- CreateIndex
CREATE INDEX "Milestone_ownerId_idx" ON "Milestone"("ownerId");

-- CreateIndex
CREATE INDEX "Milestone_approvedById_idx" ON "Milestone"("approvedById");

-- CreateIndex
CREATE INDEX "Pairing_facilitatorOrgId_idx" ON "Pairing"("facilitatorOrgId");

-- CreateIndex
CREATE INDEX "Practice_organisationId_idx" ON "Practice"("organisationId");

-- CreateIndex
CREATE INDEX "Session_hostRegionCode_idx" ON "Session"("hostRegionCode");
