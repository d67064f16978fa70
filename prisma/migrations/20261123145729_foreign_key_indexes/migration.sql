-- CreateIndex
CREATE INDEX "ActivityLog_actorId_idx" ON "ActivityLog"("actorId");

-- CreateIndex
CREATE INDEX "AgendaItem_sessionId_idx" ON "AgendaItem"("sessionId");

-- CreateIndex
CREATE INDEX "Assignment_projectId_idx" ON "Assignment"("projectId");

-- CreateIndex
CREATE INDEX "Attendance_userId_idx" ON "Attendance"("userId");

-- CreateIndex
CREATE INDEX "Attendance_regionCode_idx" ON "Attendance"("regionCode");

-- CreateIndex
CREATE INDEX "ChangeProject_leaderId_idx" ON "ChangeProject"("leaderId");

-- CreateIndex
CREATE INDEX "ChangeProject_coachId_idx" ON "ChangeProject"("coachId");

-- CreateIndex
CREATE INDEX "ChangeProject_mentorId_idx" ON "ChangeProject"("mentorId");

-- CreateIndex
CREATE INDEX "ChangeProject_organisationId_idx" ON "ChangeProject"("organisationId");

-- CreateIndex
CREATE INDEX "ChangeProject_launchEventId_idx" ON "ChangeProject"("launchEventId");

-- CreateIndex
CREATE INDEX "CheckIn_projectId_idx" ON "CheckIn"("projectId");

-- CreateIndex
CREATE INDEX "CohortImport_cohortId_idx" ON "CohortImport"("cohortId");

-- CreateIndex
CREATE INDEX "Comment_projectId_idx" ON "Comment"("projectId");

-- CreateIndex
CREATE INDEX "Commitment_pairingId_idx" ON "Commitment"("pairingId");

-- CreateIndex
CREATE INDEX "Commitment_sessionId_idx" ON "Commitment"("sessionId");

-- CreateIndex
CREATE INDEX "Indicator_projectId_idx" ON "Indicator"("projectId");

-- CreateIndex
CREATE INDEX "Indicator_regionCode_idx" ON "Indicator"("regionCode");

-- CreateIndex
CREATE INDEX "Lesson_sessionId_idx" ON "Lesson"("sessionId");

-- CreateIndex
CREATE INDEX "Lesson_pairingId_idx" ON "Lesson"("pairingId");

-- CreateIndex
CREATE INDEX "Lesson_regionCode_idx" ON "Lesson"("regionCode");

-- CreateIndex
CREATE INDEX "LessonCitation_pairingId_idx" ON "LessonCitation"("pairingId");

-- CreateIndex
CREATE INDEX "LessonCitation_projectId_idx" ON "LessonCitation"("projectId");

-- CreateIndex
CREATE INDEX "Membership_regionCode_idx" ON "Membership"("regionCode");

-- CreateIndex
CREATE INDEX "Pairing_practiceId_idx" ON "Pairing"("practiceId");

-- CreateIndex
CREATE INDEX "Pairing_mentorProjectId_idx" ON "Pairing"("mentorProjectId");

-- CreateIndex
CREATE INDEX "PairingParticipant_pairingId_idx" ON "PairingParticipant"("pairingId");

-- CreateIndex
CREATE INDEX "PairingParticipant_userId_idx" ON "PairingParticipant"("userId");

-- CreateIndex
CREATE INDEX "PairingParticipant_regionCode_idx" ON "PairingParticipant"("regionCode");

-- CreateIndex
CREATE INDEX "Practice_projectId_idx" ON "Practice"("projectId");

-- CreateIndex
CREATE INDEX "Practice_regionCode_idx" ON "Practice"("regionCode");

-- CreateIndex
CREATE INDEX "ProjectMember_projectId_idx" ON "ProjectMember"("projectId");

-- CreateIndex
CREATE INDEX "ProjectMember_userId_idx" ON "ProjectMember"("userId");

-- CreateIndex
CREATE INDEX "Replication_regionCode_idx" ON "Replication"("regionCode");

-- CreateIndex
CREATE INDEX "Session_projectId_idx" ON "Session"("projectId");

-- CreateIndex
CREATE INDEX "Session_seriesId_idx" ON "Session"("seriesId");

-- CreateIndex
CREATE INDEX "SessionInvitee_userId_idx" ON "SessionInvitee"("userId");

-- CreateIndex
CREATE INDEX "Stakeholder_projectId_idx" ON "Stakeholder"("projectId");

-- CreateIndex
CREATE INDEX "User_regionCode_idx" ON "User"("regionCode");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE INDEX "WorkingGroupMember_workingGroupId_idx" ON "WorkingGroupMember"("workingGroupId");

-- CreateIndex
CREATE INDEX "WorkingGroupMember_userId_idx" ON "WorkingGroupMember"("userId");
