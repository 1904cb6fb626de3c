-- Case lists at 100k cases: keyset order (created_at, id) per scope, and exact totals without counting the table.

-- CreateTable
CREATE TABLE "case_count" (
    "grid_id" UUID NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "case_count_pkey" PRIMARY KEY ("grid_id","status","bucket")
);

-- CreateIndex
CREATE INDEX "request_case_created_at_id_idx" ON "request_case"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "request_case_grid_id_created_at_id_idx" ON "request_case"("grid_id", "created_at" DESC, "id" DESC);

-- DropIndex (served by the one above, which also orders by id for the cursor)
DROP INDEX "request_case_grid_id_created_at_idx";

-- The counts read model: one row per (grid, status, bucket), kept by this trigger in the writing transaction, so a
-- total is exact for whoever reads it. Cases without a grid count under the nil UUID. Writers add to one of 8
-- buckets at random, so concurrent intakes into one grid rarely wait on the same row.
CREATE FUNCTION case_count_add(grid UUID, st "CaseStatus", delta INT) RETURNS VOID AS $$
  INSERT INTO case_count (grid_id, status, bucket, n)
  VALUES (COALESCE(grid, '00000000-0000-0000-0000-000000000000'), st, floor(random() * 8)::SMALLINT, delta)
  ON CONFLICT (grid_id, status, bucket) DO UPDATE SET n = case_count.n + EXCLUDED.n;
$$ LANGUAGE sql;

CREATE FUNCTION case_count_track() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM case_count_add(OLD.grid_id, OLD.status, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM case_count_add(NEW.grid_id, NEW.status, 1); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER request_case_count_insert_delete AFTER INSERT OR DELETE ON "request_case"
  FOR EACH ROW EXECUTE FUNCTION case_count_track();
CREATE TRIGGER request_case_count_update AFTER UPDATE OF "grid_id", "status" ON "request_case"
  FOR EACH ROW WHEN (OLD."grid_id" IS DISTINCT FROM NEW."grid_id" OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION case_count_track();

INSERT INTO case_count (grid_id, status, bucket, n)
SELECT COALESCE(grid_id, '00000000-0000-0000-0000-000000000000'), status, 0, count(*)
FROM request_case GROUP BY 1, 2;
