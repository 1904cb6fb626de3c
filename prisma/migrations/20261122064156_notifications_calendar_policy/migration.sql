-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('NORMAL', 'URGENT', 'CRITICAL');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED', 'DEAD', 'SKIPPED');

-- AlterTable
ALTER TABLE "inbox_message" ADD COLUMN     "ack_deadline" TIMESTAMPTZ(3),
ADD COLUMN     "ack_required" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "acknowledged_at" TIMESTAMPTZ(3),
ADD COLUMN     "data" JSONB,
ADD COLUMN     "deliver_at" TIMESTAMPTZ(3),
ADD COLUMN     "escalate_to" TEXT[],
ADD COLUMN     "escalated_at" TIMESTAMPTZ(3),
ADD COLUMN     "escalation_level" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "template_version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "urgency" "Urgency" NOT NULL DEFAULT 'NORMAL';

-- CreateTable
CREATE TABLE "delivery" (
    "id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_template" (
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "variables" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_template_pkey" PRIMARY KEY ("key","version")
);

-- CreateTable
CREATE TABLE "notification_setting" (
    "person_id" UUID NOT NULL,
    "quiet_start" TEXT NOT NULL DEFAULT '22:00',
    "quiet_end" TEXT NOT NULL DEFAULT '07:00',
    "disabled_channels" TEXT[],
    "webhook_url" TEXT,

    CONSTRAINT "notification_setting_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "calendar_version" (
    "id" UUID NOT NULL,
    "scope_unit_id" UUID,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "note" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_version" (
    "id" UUID NOT NULL,
    "process" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "note" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "delivery_channel_status_idx" ON "delivery"("channel", "status");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_message_id_channel_key" ON "delivery"("message_id", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_version_scope_unit_id_version_key" ON "calendar_version"("scope_unit_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "policy_version_process_version_key" ON "policy_version"("process", "version");

-- CreateIndex
CREATE INDEX "inbox_message_recipient_id_read_at_idx" ON "inbox_message"("recipient_id", "read_at");

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "inbox_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
