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
