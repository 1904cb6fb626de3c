-- AlterTable
ALTER TABLE "request_case" ADD COLUMN     "resolve_deadline_provisional" BOOLEAN NOT NULL DEFAULT false;
