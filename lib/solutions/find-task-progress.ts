// What a progress bar needs from a Task row.
import { pool } from "@/lib/db/pool";

export interface TaskProgress {
  id: number;
  kind: string;
  label: string;
  state: "queued" | "running" | "completed" | "failed" | "cancelled";
  done: number;
  total: number | null;
  unit: string;
  message: string | null;
  error: string | null;
}

export async function findTaskProgress(taskId: number): Promise<TaskProgress | null> {
  const { rows } = await pool().query<{ id: number; kind: string; label: string; state: TaskProgress["state"]; done: string; total: string | null; unit: string; message: string | null; error: string | null }>(
    "SELECT id, kind, label, state::text, done, total, unit, message, error FROM tasks WHERE id = $1",
    [taskId],
  );
  const r = rows[0];
  if (!r) return null;
  return { ...r, done: Number(r.done), total: r.total === null ? null : Number(r.total) };
}
