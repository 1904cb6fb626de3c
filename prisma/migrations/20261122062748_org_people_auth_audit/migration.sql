-- CreateEnum
CREATE TYPE "OrgUnitKind" AS ENUM ('DISTRICT', 'STREET', 'COMMUNITY', 'COMPOUND', 'GRID', 'BUILDING', 'ENTRANCE', 'DEPARTMENT', 'AGENCY', 'PARTY_ORG', 'ENTERPRISE', 'PROPERTY_COMPANY', 'OWNERS_COMMITTEE');

-- CreateEnum
CREATE TYPE "PersonKind" AS ENUM ('STAFF', 'RESIDENT');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SUPERVISOR', 'STREET_LEADER', 'COMMUNITY_SECRETARY', 'COMMITTEE_MEMBER', 'GRID_LEADER', 'GRID_WORKER', 'BUILDING_HEAD', 'ENTRANCE_HEAD', 'DEPARTMENT_HEAD', 'DEPARTMENT_STAFF', 'AGENCY_SECRETARY', 'PARTY_MEMBER');

-- CreateEnum
CREATE TYPE "AssignmentKind" AS ENUM ('AREA', 'GROUP', 'ENTERPRISE');

-- CreateEnum
CREATE TYPE "DutyMarking" AS ENUM ('DUTY', 'COOPERATION');

-- CreateTable
CREATE TABLE "org_unit" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrgUnitKind" NOT NULL,
    "parent_id" UUID,
    "depth" INTEGER NOT NULL,
    "dept_type" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_unit_closure" (
    "ancestor_id" UUID NOT NULL,
    "descendant_id" UUID NOT NULL,
    "distance" INTEGER NOT NULL,

    CONSTRAINT "org_unit_closure_pkey" PRIMARY KEY ("ancestor_id","descendant_id")
);

-- CreateTable
CREATE TABLE "address" (
    "id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "grid_id" UUID NOT NULL,
    "building_id" UUID,

    CONSTRAINT "address_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "department_category" (
    "department_id" UUID NOT NULL,
    "category" TEXT NOT NULL,

    CONSTRAINT "department_category_pkey" PRIMARY KEY ("department_id","category")
);

-- CreateTable
CREATE TABLE "person" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "kind" "PersonKind" NOT NULL,
    "username" TEXT,
    "password_hash" TEXT,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "position" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,
    "reports_to_unit_id" UUID,

    CONSTRAINT "position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "committee_assignment" (
    "id" UUID NOT NULL,
    "position_id" UUID NOT NULL,
    "kind" "AssignmentKind" NOT NULL,
    "label" TEXT NOT NULL,
    "unit_id" UUID,

    CONSTRAINT "committee_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "duty_item" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "default_marking" "DutyMarking" NOT NULL,

    CONSTRAINT "duty_item_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "community_duty" (
    "community_id" UUID NOT NULL,
    "duty_code" TEXT NOT NULL,
    "marking" "DutyMarking" NOT NULL,

    CONSTRAINT "community_duty_pkey" PRIMARY KEY ("community_id","duty_code")
);

-- CreateTable
CREATE TABLE "refresh_token" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "replaced_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refresh_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "one_time_code" (
    "id" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "one_time_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbox_message" (
    "id" UUID NOT NULL,
    "recipient_id" UUID,
    "phone" TEXT,
    "template" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "inbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_roles" TEXT[],
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "unit_id" UUID,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "user_agent" TEXT,
    "correlation_id" TEXT,
    "workflow_id" TEXT,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_code_key" ON "org_unit"("code");

-- CreateIndex
CREATE INDEX "org_unit_parent_id_idx" ON "org_unit"("parent_id");

-- CreateIndex
CREATE INDEX "org_unit_kind_idx" ON "org_unit"("kind");

-- CreateIndex
CREATE INDEX "org_unit_closure_descendant_id_idx" ON "org_unit_closure"("descendant_id");

-- CreateIndex
CREATE UNIQUE INDEX "address_text_key" ON "address"("text");

-- CreateIndex
CREATE INDEX "address_grid_id_idx" ON "address"("grid_id");

-- CreateIndex
CREATE INDEX "department_category_category_idx" ON "department_category"("category");

-- CreateIndex
CREATE UNIQUE INDEX "person_phone_key" ON "person"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "person_username_key" ON "person"("username");

-- CreateIndex
CREATE INDEX "position_person_id_idx" ON "position"("person_id");

-- CreateIndex
CREATE INDEX "position_unit_id_role_idx" ON "position"("unit_id", "role");

-- CreateIndex
CREATE INDEX "position_reports_to_unit_id_idx" ON "position"("reports_to_unit_id");

-- CreateIndex
CREATE INDEX "committee_assignment_position_id_idx" ON "committee_assignment"("position_id");

-- CreateIndex
CREATE UNIQUE INDEX "refresh_token_token_hash_key" ON "refresh_token"("token_hash");

-- CreateIndex
CREATE INDEX "refresh_token_person_id_idx" ON "refresh_token"("person_id");

-- CreateIndex
CREATE INDEX "one_time_code_phone_created_at_idx" ON "one_time_code"("phone", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "inbox_message_dedup_key_key" ON "inbox_message"("dedup_key");

-- CreateIndex
CREATE INDEX "inbox_message_recipient_id_created_at_idx" ON "inbox_message"("recipient_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");

-- CreateIndex
CREATE INDEX "audit_entry_unit_id_at_idx" ON "audit_entry"("unit_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_entity_type_entity_id_idx" ON "audit_entry"("entity_type", "entity_id");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_closure" ADD CONSTRAINT "org_unit_closure_ancestor_id_fkey" FOREIGN KEY ("ancestor_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_closure" ADD CONSTRAINT "org_unit_closure_descendant_id_fkey" FOREIGN KEY ("descendant_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "address" ADD CONSTRAINT "address_grid_id_fkey" FOREIGN KEY ("grid_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_category" ADD CONSTRAINT "department_category_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position" ADD CONSTRAINT "position_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position" ADD CONSTRAINT "position_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position" ADD CONSTRAINT "position_reports_to_unit_id_fkey" FOREIGN KEY ("reports_to_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_assignment" ADD CONSTRAINT "committee_assignment_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_duty" ADD CONSTRAINT "community_duty_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_duty" ADD CONSTRAINT "community_duty_duty_code_fkey" FOREIGN KEY ("duty_code") REFERENCES "duty_item"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refresh_token" ADD CONSTRAINT "refresh_token_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit trail is append-only: no role, not even the owner, may change or remove an entry.
-- (\073 is the semicolon: some migration runners split scripts at every semicolon, even inside strings.)
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN RAISE EXCEPTION ''审计记录只可追加，不可修改或删除 (audit_entry is append-only)'' USING ERRCODE = ''insufficient_privilege''\073 END\073';

CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON "audit_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
