-- CreateEnum
CREATE TYPE "TimePollStatus" AS ENUM ('OPEN', 'DECIDED');

-- CreateEnum
CREATE TYPE "TimePollChoice" AS ENUM ('YES', 'IF_NEED_BE', 'NO');

-- CreateTable
CREATE TABLE "TimePoll" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "intervalWeeks" INTEGER NOT NULL DEFAULT 1,
    "status" "TimePollStatus" NOT NULL DEFAULT 'OPEN',
    "chosenSlotId" TEXT,
    "seriesId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "TimePoll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimePollSlot" (
    "id" TEXT NOT NULL,
    "pollId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TimePollSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimePollInvitee" (
    "id" TEXT NOT NULL,
    "pollId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,

    CONSTRAINT "TimePollInvitee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimePollAnswer" (
    "inviteeId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "choice" "TimePollChoice" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TimePollAnswer_pkey" PRIMARY KEY ("inviteeId","slotId")
);

-- CreateIndex
CREATE INDEX "TimePoll_pairingId_idx" ON "TimePoll"("pairingId");

-- CreateIndex
CREATE INDEX "TimePoll_createdById_idx" ON "TimePoll"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "TimePollSlot_pollId_startsAt_key" ON "TimePollSlot"("pollId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "TimePollInvitee_tokenHash_key" ON "TimePollInvitee"("tokenHash");

-- CreateIndex
CREATE INDEX "TimePollInvitee_userId_idx" ON "TimePollInvitee"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TimePollInvitee_pollId_userId_key" ON "TimePollInvitee"("pollId", "userId");

-- CreateIndex
CREATE INDEX "TimePollAnswer_slotId_idx" ON "TimePollAnswer"("slotId");

-- AddForeignKey
ALTER TABLE "TimePoll" ADD CONSTRAINT "TimePoll_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimePoll" ADD CONSTRAINT "TimePoll_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimePollSlot" ADD CONSTRAINT "TimePollSlot_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "TimePoll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimePollInvitee" ADD CONSTRAINT "TimePollInvitee_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "TimePoll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimePollInvitee" ADD CONSTRAINT "TimePollInvitee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimePollAnswer" ADD CONSTRAINT "TimePollAnswer_inviteeId_fkey" FOREIGN KEY ("inviteeId") REFERENCES "TimePollInvitee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimePollAnswer" ADD CONSTRAINT "TimePollAnswer_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "TimePollSlot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
