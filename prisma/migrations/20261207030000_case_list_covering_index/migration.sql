-- A deep page by offset reads the ids of its rows from this index alone (filing order, grid for the scope, status
-- for the filter) instead of sorting whole rows; it also serves page 1 and cursor pages as the index it replaces did.
DROP INDEX "request_case_created_at_id_idx";

-- CreateIndex
CREATE INDEX "request_case_created_at_id_grid_id_status_idx" ON "request_case"("created_at" DESC, "id" DESC, "grid_id", "status");
