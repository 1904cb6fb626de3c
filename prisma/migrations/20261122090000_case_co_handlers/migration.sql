-- CreateEnum
CREATE TYPE "CoHandlerState" AS ENUM ('OPEN', 'DONE', 'REMOVED', 'STOPPED');

-- CreateTable
CREATE TABLE "case_co_handler" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "state" "CoHandlerState" NOT NULL DEFAULT 'OPEN',
    "reason" TEXT NOT NULL,
    "added_by_id" UUID,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_by_id" UUID,
    "done_at" TIMESTAMPTZ(3),
    "done_note" TEXT,
    "removed_by_id" UUID,
    "removed_at" TIMESTAMPTZ(3),
    "remove_reason" TEXT,

    CONSTRAINT "case_co_handler_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_co_handler_unit_id_state_idx" ON "case_co_handler"("unit_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "case_co_handler_case_id_unit_id_key" ON "case_co_handler"("case_id", "unit_id");

-- AddForeignKey
ALTER TABLE "case_co_handler" ADD CONSTRAINT "case_co_handler_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "request_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_co_handler" ADD CONSTRAINT "case_co_handler_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
