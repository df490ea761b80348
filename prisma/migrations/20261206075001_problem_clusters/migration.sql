-- CreateTable
CREATE TABLE "problem_clusters" (
    "problem_id" INTEGER NOT NULL,
    "set_id" INTEGER NOT NULL,
    "cluster_id" INTEGER NOT NULL,
    "kept" BOOLEAN,

    CONSTRAINT "problem_clusters_pkey" PRIMARY KEY ("problem_id")
);

-- CreateIndex
CREATE INDEX "problem_clusters_set_id_cluster_id_idx" ON "problem_clusters"("set_id", "cluster_id");

-- AddForeignKey
ALTER TABLE "problem_clusters" ADD CONSTRAINT "problem_clusters_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

