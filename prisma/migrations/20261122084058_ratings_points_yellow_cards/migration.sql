-- CreateEnum
CREATE TYPE "RatingOutcome" AS ENUM ('RATED', 'UNRATED');

-- CreateEnum
CREATE TYPE "HolderKind" AS ENUM ('UNIT', 'PERSON');

-- CreateEnum
CREATE TYPE "CardStatus" AS ENUM ('ISSUED', 'SUBMITTED', 'SENT_BACK', 'APPEALED', 'RECTIFIED', 'VOID');

-- CreateEnum
CREATE TYPE "InterviewStatus" AS ENUM ('SCHEDULED', 'HELD', 'CANCELLED');

-- CreateTable
CREATE TABLE "case_rating" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "outcome" "RatingOutcome" NOT NULL,
    "stars" INTEGER,
    "comment" TEXT,
    "rater_person_id" UUID,
    "unit_id" UUID,
    "person_id" UUID,
    "policy_version" INTEGER NOT NULL,
    "window_ends_at" TIMESTAMPTZ(3) NOT NULL,
    "struck_out_at" TIMESTAMPTZ(3),
    "struck_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "points_entry" (
    "id" UUID NOT NULL,
    "holder_kind" "HolderKind" NOT NULL,
    "unit_id" UUID NOT NULL,
    "person_id" UUID,
    "points" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "case_id" UUID,
    "policy_version" INTEGER NOT NULL,
    "reverses_id" UUID,
    "dedup_key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "yellow_card" (
    "id" UUID NOT NULL,
    "card_no" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "case_id" UUID NOT NULL,
    "rating_id" UUID NOT NULL,
    "holder_kind" "HolderKind" NOT NULL,
    "unit_id" UUID NOT NULL,
    "person_id" UUID,
    "status" "CardStatus" NOT NULL DEFAULT 'ISSUED',
    "policy_version" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3),
    "explanation" TEXT,
    "rectification_plan" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "rectified_on_time" BOOLEAN,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "appealed_at" TIMESTAMPTZ(3),
    "appeal_reason" TEXT,
    "appeal_evidence" TEXT[],
    "appeal_decision" TEXT,
    "appeal_decision_reason" TEXT,
    "appeal_decided_by" UUID,
    "appeal_decided_at" TIMESTAMPTZ(3),
    "repeat_count" INTEGER NOT NULL DEFAULT 1,
    "annual_review" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "yellow_card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "card_event" (
    "id" UUID NOT NULL,
    "card_id" UUID NOT NULL,
    "seq" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" UUID,
    "note" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "dedup_key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "card_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "card_interview" (
    "id" UUID NOT NULL,
    "card_id" UUID NOT NULL,
    "status" "InterviewStatus" NOT NULL DEFAULT 'SCHEDULED',
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "held_at" TIMESTAMPTZ(3),
    "held_by" UUID,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "card_interview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "case_rating_case_id_key" ON "case_rating"("case_id");

-- CreateIndex
CREATE INDEX "case_rating_unit_id_created_at_idx" ON "case_rating"("unit_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "points_entry_reverses_id_key" ON "points_entry"("reverses_id");

-- CreateIndex
CREATE UNIQUE INDEX "points_entry_dedup_key_key" ON "points_entry"("dedup_key");

-- CreateIndex
CREATE INDEX "points_entry_unit_id_at_idx" ON "points_entry"("unit_id", "at");

-- CreateIndex
CREATE INDEX "points_entry_person_id_at_idx" ON "points_entry"("person_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "yellow_card_card_no_key" ON "yellow_card"("card_no");

-- CreateIndex
CREATE UNIQUE INDEX "yellow_card_workflow_id_key" ON "yellow_card"("workflow_id");

-- CreateIndex
CREATE INDEX "yellow_card_unit_id_issued_at_idx" ON "yellow_card"("unit_id", "issued_at");

-- CreateIndex
CREATE INDEX "yellow_card_person_id_issued_at_idx" ON "yellow_card"("person_id", "issued_at");

-- CreateIndex
CREATE INDEX "yellow_card_status_issued_at_idx" ON "yellow_card"("status", "issued_at");

-- CreateIndex
CREATE UNIQUE INDEX "yellow_card_case_id_holder_kind_key" ON "yellow_card"("case_id", "holder_kind");

-- CreateIndex
CREATE UNIQUE INDEX "card_event_dedup_key_key" ON "card_event"("dedup_key");

-- CreateIndex
CREATE INDEX "card_event_card_id_seq_idx" ON "card_event"("card_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "card_interview_card_id_key" ON "card_interview"("card_id");

-- AddForeignKey
ALTER TABLE "case_rating" ADD CONSTRAINT "case_rating_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "yellow_card" ADD CONSTRAINT "yellow_card_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "yellow_card" ADD CONSTRAINT "yellow_card_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_event" ADD CONSTRAINT "card_event_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "yellow_card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_interview" ADD CONSTRAINT "card_interview_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "yellow_card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The points ledger is append-only: a balance is a sum, and a correction is a reversing entry, never an edit.
CREATE FUNCTION points_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN RAISE EXCEPTION ''积分台账只可追加，不可修改或删除 (points_entry is append-only)'' USING ERRCODE = ''insufficient_privilege''\073 END\073';

CREATE TRIGGER points_entry_append_only
  BEFORE UPDATE OR DELETE ON "points_entry"
  FOR EACH ROW EXECUTE FUNCTION points_entry_refuse_change();

CREATE TRIGGER points_entry_no_truncate
  BEFORE TRUNCATE ON "points_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION points_entry_refuse_change();
