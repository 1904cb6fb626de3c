-- CreateEnum
CREATE TYPE "CaseChannel" AS ENUM ('WALK_IN', 'HOTLINE', 'WECHAT', 'PATROL', 'GRID_WORKER', 'RIDER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('REPORTED', 'ACCEPTED', 'HANDLING', 'HANDLED', 'CLOSED');

-- CreateTable
CREATE TABLE "request_case" (
    "id" UUID NOT NULL,
    "case_no" TEXT NOT NULL,
    "request_key" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "channel" "CaseChannel" NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "grid_id" UUID,
    "community_id" UUID,
    "street_id" UUID,
    "reporter_person_id" UUID,
    "reporter_phone" TEXT NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'REPORTED',
    "policy_version" INTEGER NOT NULL,
    "accept_deadline" TIMESTAMPTZ(3) NOT NULL,
    "resolve_deadline" TIMESTAMPTZ(3),
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "accountable_unit_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accepted_at" TIMESTAMPTZ(3),
    "handled_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "request_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_event" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "seq" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" UUID,
    "note" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "dedup_key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_order" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "level" TEXT NOT NULL,
    "clock" TEXT NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dedup_key" TEXT NOT NULL,

    CONSTRAINT "supervision_order_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "request_case_case_no_key" ON "request_case"("case_no");

-- CreateIndex
CREATE UNIQUE INDEX "request_case_request_key_key" ON "request_case"("request_key");

-- CreateIndex
CREATE UNIQUE INDEX "request_case_workflow_id_key" ON "request_case"("workflow_id");

-- CreateIndex
CREATE INDEX "request_case_grid_id_created_at_idx" ON "request_case"("grid_id", "created_at");

-- CreateIndex
CREATE INDEX "request_case_status_created_at_idx" ON "request_case"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "case_event_dedup_key_key" ON "case_event"("dedup_key");

-- CreateIndex
CREATE INDEX "case_event_case_id_seq_idx" ON "case_event"("case_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "supervision_order_dedup_key_key" ON "supervision_order"("dedup_key");

-- CreateIndex
CREATE INDEX "supervision_order_case_id_idx" ON "supervision_order"("case_id");

-- AddForeignKey
ALTER TABLE "request_case" ADD CONSTRAINT "request_case_grid_id_fkey" FOREIGN KEY ("grid_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_order" ADD CONSTRAINT "supervision_order_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
