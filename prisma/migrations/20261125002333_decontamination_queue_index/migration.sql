-- CreateIndex
CREATE INDEX "problems_contamination_status_id_idx" ON "problems"("contamination_status", "id");

