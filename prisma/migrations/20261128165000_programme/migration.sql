-- CreateEnum
CREATE TYPE "ReportInStatus" AS ENUM ('REPORTED', 'CONFIRMED', 'ENDED');

-- CreateEnum
CREATE TYPE "ProgrammeTaskKind" AS ENUM ('LIVELIHOOD_PROJECT', 'PARTY_DAY', 'PARTY_LECTURE', 'MICRO_WISH', 'ENTERPRISE_PROBLEM');

-- CreateEnum
CREATE TYPE "ProgrammeTaskStatus" AS ENUM ('OPEN', 'ASSIGNED', 'SUBMITTED', 'SENT_BACK', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "MicroWishStatus" AS ENUM ('OPEN', 'CLAIMED', 'FULFILLED');

-- CreateTable
CREATE TABLE "programme_year" (
    "year" INTEGER NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "opened_by" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "programme_year_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "programme_pairing" (
    "id" UUID NOT NULL,
    "party_org_id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "live_key" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "programme_pairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_report_in" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "party_org_id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "live_key" UUID,
    "status" "ReportInStatus" NOT NULL DEFAULT 'REPORTED',
    "batch" INTEGER NOT NULL DEFAULT 1,
    "reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),
    "confirmed_by" UUID,
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" TEXT,

    CONSTRAINT "member_report_in_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_task" (
    "id" UUID NOT NULL,
    "task_no" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "request_key" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "ProgrammeTaskKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "community_id" UUID NOT NULL,
    "party_org_id" UUID,
    "member_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "status" "ProgrammeTaskStatus" NOT NULL DEFAULT 'OPEN',
    "policy_version" INTEGER NOT NULL,
    "plan_date" DATE NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "evidence" JSONB,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "confirmed_month" TEXT,

    CONSTRAINT "programme_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_task_event" (
    "seq" SERIAL NOT NULL,
    "task_id" UUID NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" UUID,
    "note" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "programme_task_event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "micro_wish" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "budget_cap_yuan" INTEGER NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "resident_phone" TEXT NOT NULL,
    "status" "MicroWishStatus" NOT NULL DEFAULT 'OPEN',
    "claimed_by_person_id" UUID,
    "claimed_by_org_id" UUID,
    "claimed_at" TIMESTAMPTZ(3),
    "fulfilled_at" TIMESTAMPTZ(3),
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "micro_wish_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "volunteer_activity" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "cap" INTEGER NOT NULL,
    "signed_up" INTEGER NOT NULL DEFAULT 0,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "volunteer_activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "volunteer_signup" (
    "id" UUID NOT NULL,
    "activity_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "signed_up_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checked_in_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "hours" DECIMAL(5,2),

    CONSTRAINT "volunteer_signup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "programme_pairing_live_key_key" ON "programme_pairing"("live_key");

-- CreateIndex
CREATE INDEX "programme_pairing_party_org_id_idx" ON "programme_pairing"("party_org_id");

-- CreateIndex
CREATE INDEX "programme_pairing_community_id_idx" ON "programme_pairing"("community_id");

-- CreateIndex
CREATE UNIQUE INDEX "member_report_in_live_key_key" ON "member_report_in"("live_key");

-- CreateIndex
CREATE INDEX "member_report_in_person_id_idx" ON "member_report_in"("person_id");

-- CreateIndex
CREATE INDEX "member_report_in_community_id_status_idx" ON "member_report_in"("community_id", "status");

-- CreateIndex
CREATE INDEX "member_report_in_party_org_id_idx" ON "member_report_in"("party_org_id");

-- CreateIndex
CREATE UNIQUE INDEX "programme_task_task_no_key" ON "programme_task"("task_no");

-- CreateIndex
CREATE UNIQUE INDEX "programme_task_workflow_id_key" ON "programme_task"("workflow_id");

-- CreateIndex
CREATE UNIQUE INDEX "programme_task_request_key_key" ON "programme_task"("request_key");

-- CreateIndex
CREATE INDEX "programme_task_community_id_status_idx" ON "programme_task"("community_id", "status");

-- CreateIndex
CREATE INDEX "programme_task_party_org_id_year_kind_status_idx" ON "programme_task"("party_org_id", "year", "kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "programme_task_event_dedup_key_key" ON "programme_task_event"("dedup_key");

-- CreateIndex
CREATE INDEX "programme_task_event_task_id_idx" ON "programme_task_event"("task_id");

-- CreateIndex
CREATE INDEX "micro_wish_community_id_status_idx" ON "micro_wish"("community_id", "status");

-- CreateIndex
CREATE INDEX "volunteer_activity_community_id_starts_at_idx" ON "volunteer_activity"("community_id", "starts_at");

-- CreateIndex
CREATE INDEX "volunteer_signup_person_id_idx" ON "volunteer_signup"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "volunteer_signup_activity_id_person_id_key" ON "volunteer_signup"("activity_id", "person_id");

-- AddForeignKey
ALTER TABLE "programme_task_event" ADD CONSTRAINT "programme_task_event_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "programme_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volunteer_signup" ADD CONSTRAINT "volunteer_signup_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "volunteer_activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

