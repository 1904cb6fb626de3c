-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseStatus" ADD VALUE 'RETURNED';
ALTER TYPE "CaseStatus" ADD VALUE 'MERGED';

-- AlterTable
ALTER TABLE "request_case" ADD COLUMN     "attachments" TEXT[],
ADD COLUMN     "department_id" UUID,
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "merged_into_id" UUID,
ADD COLUMN     "possible_duplicate_of_id" UUID;

-- CreateIndex
CREATE INDEX "request_case_category_created_at_idx" ON "request_case"("category", "created_at");
