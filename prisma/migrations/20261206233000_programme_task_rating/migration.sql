-- CreateTable
CREATE TABLE "programme_task_rating" (
    "task_id" UUID NOT NULL,
    "stars" INTEGER NOT NULL,
    "comment" TEXT,
    "rater_name" TEXT NOT NULL,
    "low" BOOLEAN NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "recorded_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "programme_task_rating_pkey" PRIMARY KEY ("task_id")
);

-- AddForeignKey
ALTER TABLE "programme_task_rating" ADD CONSTRAINT "programme_task_rating_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "programme_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
