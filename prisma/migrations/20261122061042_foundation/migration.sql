-- CreateTable
CREATE TABLE "wiring_check" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wiring_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wiring_check_echo" (
    "check_id" UUID NOT NULL,
    "job_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wiring_check_echo_pkey" PRIMARY KEY ("check_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "wiring_check_workflow_id_key" ON "wiring_check"("workflow_id");

-- AddForeignKey
ALTER TABLE "wiring_check_echo" ADD CONSTRAINT "wiring_check_echo_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "wiring_check"("id") ON DELETE CASCADE ON UPDATE CASCADE;
