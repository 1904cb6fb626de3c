-- CreateEnum
CREATE TYPE "TalentHolderKind" AS ENUM ('MEMBER', 'RESIDENT');

-- CreateEnum
CREATE TYPE "TalentAvailability" AS ENUM ('ANYTIME', 'WEEKDAYS', 'WEEKENDS', 'EVENINGS', 'PAUSED');

-- CreateEnum
CREATE TYPE "TalentNeedStatus" AS ENUM ('OPEN', 'FILLED');

-- AlterTable
ALTER TABLE "address" ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "programme_task" ADD COLUMN     "helper_ids" UUID[] DEFAULT ARRAY[]::UUID[];

-- CreateTable
CREATE TABLE "programme_talent" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "holder_kind" "TalentHolderKind" NOT NULL,
    "skill" TEXT NOT NULL,
    "note" TEXT,
    "availability" "TalentAvailability" NOT NULL DEFAULT 'ANYTIME',
    "party_org_id" UUID,
    "community_id" UUID NOT NULL,
    "street_id" UUID NOT NULL,
    "address_text" TEXT,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programme_talent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_talent_need" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "skill" TEXT NOT NULL,
    "kind" "ProgrammeTaskKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "address_text" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "headcount" INTEGER NOT NULL,
    "chosen" INTEGER NOT NULL DEFAULT 0,
    "status" "TalentNeedStatus" NOT NULL DEFAULT 'OPEN',
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "programme_talent_need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_talent_match" (
    "id" UUID NOT NULL,
    "need_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "talent_id" UUID NOT NULL,
    "holder_kind" "TalentHolderKind" NOT NULL,
    "distance_meters" INTEGER NOT NULL,
    "task_id" UUID,
    "chosen_by" UUID,
    "chosen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "programme_talent_match_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "programme_talent_skill_availability_idx" ON "programme_talent"("skill", "availability");

-- CreateIndex
CREATE UNIQUE INDEX "programme_talent_person_id_skill_key" ON "programme_talent"("person_id", "skill");

-- CreateIndex
CREATE INDEX "programme_talent_need_community_id_status_idx" ON "programme_talent_need"("community_id", "status");

-- CreateIndex
CREATE INDEX "programme_talent_match_person_id_idx" ON "programme_talent_match"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "programme_talent_match_need_id_person_id_key" ON "programme_talent_match"("need_id", "person_id");

-- AddForeignKey
ALTER TABLE "programme_talent_match" ADD CONSTRAINT "programme_talent_match_need_id_fkey" FOREIGN KEY ("need_id") REFERENCES "programme_talent_need"("id") ON DELETE CASCADE ON UPDATE CASCADE;
