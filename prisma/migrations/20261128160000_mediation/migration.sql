-- CreateTable
CREATE TABLE "mediation_dispute" (
    "id" UUID NOT NULL,
    "dispute_no" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "intake_key" TEXT NOT NULL,
    "community_id" UUID NOT NULL,
    "street_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "request_case_id" UUID,
    "category" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "parties" JSONB NOT NULL,
    "head_count" INTEGER NOT NULL,
    "amount_yuan" INTEGER,
    "gathering_threat" BOOLEAN NOT NULL DEFAULT false,
    "violence_threat" BOOLEAN NOT NULL DEFAULT false,
    "vulnerable_parties" BOOLEAN NOT NULL DEFAULT false,
    "risk_grade" TEXT NOT NULL,
    "risk_reasons" TEXT[],
    "risk_computed" TEXT NOT NULL,
    "risk_adjust_reason" TEXT,
    "status" TEXT NOT NULL,
    "reopen_count" INTEGER NOT NULL DEFAULT 0,
    "policy_version" INTEGER NOT NULL,
    "convener_id" UUID NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "agreement" JSONB,
    "agreed_at" TIMESTAMPTZ(3),
    "agreement_pdf" BYTEA,
    "judicial_confirmation" JSONB,
    "referral" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "mediation_dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mediation_event" (
    "id" UUID NOT NULL,
    "dispute_id" UUID NOT NULL,
    "seq" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" UUID,
    "note" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "dedup_key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mediation_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mediation_slot" (
    "id" UUID NOT NULL,
    "dispute_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "member_id" UUID,

    CONSTRAINT "mediation_slot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mediation_invitation" (
    "id" UUID NOT NULL,
    "dispute_id" UUID NOT NULL,
    "slot_key" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "person_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "invited_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "responded_at" TIMESTAMPTZ(3),
    "reason" TEXT,

    CONSTRAINT "mediation_invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mediation_session" (
    "id" UUID NOT NULL,
    "dispute_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "place" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "attendance" JSONB,
    "minutes" TEXT,
    "recorded_at" TIMESTAMPTZ(3),

    CONSTRAINT "mediation_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mediation_visit" (
    "id" UUID NOT NULL,
    "dispute_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "assignee_id" UUID NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "performed" BOOLEAN,
    "note" TEXT,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "mediation_visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mediation_supervision_order" (
    "id" UUID NOT NULL,
    "dispute_id" UUID NOT NULL,
    "level" TEXT NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dedup_key" TEXT NOT NULL,

    CONSTRAINT "mediation_supervision_order_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mediation_dispute_dispute_no_key" ON "mediation_dispute"("dispute_no");

-- CreateIndex
CREATE UNIQUE INDEX "mediation_dispute_workflow_id_key" ON "mediation_dispute"("workflow_id");

-- CreateIndex
CREATE UNIQUE INDEX "mediation_dispute_intake_key_key" ON "mediation_dispute"("intake_key");

-- CreateIndex
CREATE INDEX "mediation_dispute_community_id_created_at_idx" ON "mediation_dispute"("community_id", "created_at");

-- CreateIndex
CREATE INDEX "mediation_dispute_street_id_created_at_idx" ON "mediation_dispute"("street_id", "created_at");

-- CreateIndex
CREATE INDEX "mediation_dispute_status_created_at_idx" ON "mediation_dispute"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "mediation_event_dedup_key_key" ON "mediation_event"("dedup_key");

-- CreateIndex
CREATE INDEX "mediation_event_dispute_id_seq_idx" ON "mediation_event"("dispute_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "mediation_slot_dispute_id_key_key" ON "mediation_slot"("dispute_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "mediation_invitation_dispute_id_slot_key_seq_key" ON "mediation_invitation"("dispute_id", "slot_key", "seq");

-- CreateIndex
CREATE INDEX "mediation_invitation_person_id_status_idx" ON "mediation_invitation"("person_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "mediation_session_dispute_id_seq_key" ON "mediation_session"("dispute_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "mediation_visit_dispute_id_round_seq_key" ON "mediation_visit"("dispute_id", "round", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "mediation_supervision_order_dedup_key_key" ON "mediation_supervision_order"("dedup_key");

-- CreateIndex
CREATE INDEX "mediation_supervision_order_dispute_id_idx" ON "mediation_supervision_order"("dispute_id");

-- AddForeignKey
ALTER TABLE "mediation_dispute" ADD CONSTRAINT "mediation_dispute_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_event" ADD CONSTRAINT "mediation_event_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "mediation_dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_slot" ADD CONSTRAINT "mediation_slot_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "mediation_dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_invitation" ADD CONSTRAINT "mediation_invitation_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "mediation_dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_session" ADD CONSTRAINT "mediation_session_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "mediation_dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_visit" ADD CONSTRAINT "mediation_visit_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "mediation_dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_supervision_order" ADD CONSTRAINT "mediation_supervision_order_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "mediation_dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;
