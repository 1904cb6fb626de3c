-- AlterEnum
ALTER TYPE "CaseStatus" ADD VALUE 'CONVERTED';

-- AlterTable
ALTER TABLE "request_case" ADD COLUMN     "clocks_stop_reason" TEXT,
ADD COLUMN     "clocks_stopped_at" TIMESTAMPTZ(3),
ADD COLUMN     "converted_dispute_id" UUID;
