-- CreateTable
CREATE TABLE "programme_dispatch_report" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "agencies" JSONB NOT NULL,
    "communities" JSONB NOT NULL,
    "ranking" JSONB NOT NULL,
    "workflow_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "programme_dispatch_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "programme_dispatch_report_year_month_key" ON "programme_dispatch_report"("year", "month");

-- CreateEnum
CREATE TYPE "InspectionRoundStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ProgrammeInterviewStatus" AS ENUM ('SCHEDULED', 'HELD');

-- CreateTable
CREATE TABLE "programme_inspection_round" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "status" "InspectionRoundStatus" NOT NULL DEFAULT 'OPEN',
    "workflow_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "programme_inspection_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_inspection_item" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "party_org_id" UUID NOT NULL,
    "checklist" JSONB NOT NULL,
    "findings" JSONB,
    "recorded_by" UUID,
    "recorded_at" TIMESTAMPTZ(3),

    CONSTRAINT "programme_inspection_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_interview" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "party_org_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "ProgrammeInterviewStatus" NOT NULL DEFAULT 'SCHEDULED',
    "outcome" TEXT,
    "recorded_by" UUID,
    "recorded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "programme_interview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "programme_inspection_round_year_month_key" ON "programme_inspection_round"("year", "month");

-- CreateIndex
CREATE UNIQUE INDEX "programme_inspection_item_round_id_party_org_id_key" ON "programme_inspection_item"("round_id", "party_org_id");

-- CreateIndex
CREATE INDEX "programme_interview_party_org_id_idx" ON "programme_interview"("party_org_id");

-- CreateIndex
CREATE UNIQUE INDEX "programme_interview_round_id_party_org_id_key" ON "programme_interview"("round_id", "party_org_id");

-- AddForeignKey
ALTER TABLE "programme_inspection_item" ADD CONSTRAINT "programme_inspection_item_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "programme_inspection_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
