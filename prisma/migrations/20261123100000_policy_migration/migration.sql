-- CreateEnum
CREATE TYPE "PolicyMigrationStatus" AS ENUM ('RUNNING', 'COMPLETED', 'FAILED');

-- CreateTable
CREATE TABLE "policy_migration" (
    "id" UUID NOT NULL,
    "process" TEXT NOT NULL,
    "to_version" INTEGER NOT NULL,
    "filters" JSONB NOT NULL,
    "status" "PolicyMigrationStatus" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL,
    "cursor" UUID,
    "migrated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "workflow_id" TEXT NOT NULL,
    "error" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "policy_migration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_migration_case" (
    "migration_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "case_no" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "from_version" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_migration_case_pkey" PRIMARY KEY ("migration_id","case_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "policy_migration_workflow_id_key" ON "policy_migration"("workflow_id");

-- CreateIndex
CREATE INDEX "policy_migration_case_migration_id_outcome_idx" ON "policy_migration_case"("migration_id", "outcome");

-- AddForeignKey
ALTER TABLE "policy_migration_case" ADD CONSTRAINT "policy_migration_case_migration_id_fkey" FOREIGN KEY ("migration_id") REFERENCES "policy_migration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
