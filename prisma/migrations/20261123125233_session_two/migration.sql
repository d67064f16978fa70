-- CreateEnum
CREATE TYPE "InnovationForm" AS ENUM ('GOVERNANCE', 'PUBLIC_SERVICE', 'OTHER');

-- CreateEnum
CREATE TYPE "InnovationType" AS ENUM ('DIGITAL', 'NON_DIGITAL');

-- CreateEnum
CREATE TYPE "InnovationInitiator" AS ENUM ('HEAD_OF_REGION', 'DPRD_MEMBER', 'AGENCY', 'CIVIL_SERVANT', 'COMMUNITY');

-- CreateEnum
CREATE TYPE "InnovationStage" AS ENUM ('INITIATIVE', 'TRIAL', 'IMPLEMENTATION');

-- CreateEnum
CREATE TYPE "AdoptionKind" AS ENUM ('ADOPTED', 'ADAPTED', 'DROPPED');

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "sections" JSONB,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "withdrawnReason" TEXT;

-- AlterTable
ALTER TABLE "Pairing" ADD COLUMN     "replicatedAt" DATE,
ADD COLUMN     "replicationSummary" TEXT;

-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "evidenceUrl" TEXT,
ADD COLUMN     "governmentAffair" TEXT,
ADD COLUMN     "innovationForm" "InnovationForm",
ADD COLUMN     "innovationInitiator" "InnovationInitiator",
ADD COLUMN     "innovationStage" "InnovationStage",
ADD COLUMN     "innovationType" "InnovationType",
ADD COLUMN     "mediaUrl" TEXT,
ADD COLUMN     "resources" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "egressId" TEXT;

-- CreateTable
CREATE TABLE "LessonComment" (
    "id" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "authorId" TEXT,
    "field" TEXT,
    "quote" TEXT,
    "body" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LessonComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonVersion" (
    "id" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "content" JSONB NOT NULL,
    "sections" JSONB,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LessonVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonCitation" (
    "id" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "pairingId" TEXT,
    "projectId" TEXT,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LessonCitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplicationItem" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "kind" "AdoptionKind" NOT NULL,
    "what" TEXT NOT NULL,
    "why" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReplicationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplicationResult" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "Direction" NOT NULL DEFAULT 'UP',
    "before" DECIMAL(14,4) NOT NULL,
    "beforeYear" INTEGER NOT NULL,
    "after" DECIMAL(14,4),
    "afterYear" INTEGER,
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReplicationResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CohortImport" (
    "id" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CohortImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "lockedAt" TIMESTAMP(3),
    "lockedBy" TEXT,
    "doneAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LessonComment_lessonId_idx" ON "LessonComment"("lessonId");

-- CreateIndex
CREATE UNIQUE INDEX "LessonVersion_lessonId_version_key" ON "LessonVersion"("lessonId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "LessonCitation_lessonId_pairingId_key" ON "LessonCitation"("lessonId", "pairingId");

-- CreateIndex
CREATE UNIQUE INDEX "LessonCitation_lessonId_projectId_key" ON "LessonCitation"("lessonId", "projectId");

-- CreateIndex
CREATE INDEX "ReplicationItem_pairingId_idx" ON "ReplicationItem"("pairingId");

-- CreateIndex
CREATE INDEX "ReplicationResult_pairingId_idx" ON "ReplicationResult"("pairingId");

-- CreateIndex
CREATE UNIQUE INDEX "CohortImport_fileHash_key" ON "CohortImport"("fileHash");

-- CreateIndex
CREATE UNIQUE INDEX "Job_key_key" ON "Job"("key");

-- CreateIndex
CREATE INDEX "Job_doneAt_failedAt_runAt_idx" ON "Job"("doneAt", "failedAt", "runAt");

-- AddForeignKey
ALTER TABLE "LessonComment" ADD CONSTRAINT "LessonComment_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonComment" ADD CONSTRAINT "LessonComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonVersion" ADD CONSTRAINT "LessonVersion_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonVersion" ADD CONSTRAINT "LessonVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonCitation" ADD CONSTRAINT "LessonCitation_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonCitation" ADD CONSTRAINT "LessonCitation_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonCitation" ADD CONSTRAINT "LessonCitation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "ChangeProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonCitation" ADD CONSTRAINT "LessonCitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplicationItem" ADD CONSTRAINT "ReplicationItem_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplicationItem" ADD CONSTRAINT "ReplicationItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplicationResult" ADD CONSTRAINT "ReplicationResult_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortImport" ADD CONSTRAINT "CohortImport_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortImport" ADD CONSTRAINT "CohortImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
