// Shared by the decontamination integration tests: the demo content loaded into the test
// database, users per role, extra synthetic problems, and a judge endpoint on the LLM stand-in.
import { problemHash } from "@/lib/datasets/formats/problem-hash";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { loadDemoIfEmpty } from "@/lib/demo/load-demo";
import { createUser } from "@/lib/users/create-user";

export async function loadDemo(): Promise<void> {
  await loadDemoIfEmpty();
}

export async function problemIdByKey(sourceKey: string): Promise<number> {
  const { rows } = await pool().query<{ id: number }>(`SELECT id FROM problems WHERE source_key = $1`, [sourceKey]);
  if (!rows[0]) throw new Error(`no problem ${sourceKey}`);
  return rows[0].id;
}

export async function statusOf(problemId: number): Promise<string> {
  const { rows } = await pool().query<{ s: string }>(`SELECT contamination_status::text AS s FROM problems WHERE id = $1`, [problemId]);
  return rows[0]?.s ?? "missing";
}

export async function addSyntheticProblems(setName: string, problems: { key: string; text: string; parentId?: number | null }[]): Promise<number[]> {
  const set = await prisma().problemSet.upsert({ where: { name: setName }, create: { name: setName, role: "synthetic" }, update: {} });
  const ids: number[] = [];
  for (const p of problems) {
    const row = await prisma().problem.create({
      data: { setId: set.id, text: p.text, textHash: problemHash(p.text), sourceKey: p.key, source: "augmented_gsm8k", parentId: p.parentId ?? null },
    });
    ids.push(row.id);
  }
  await prisma().problemSet.update({ where: { id: set.id }, data: { problemCount: { increment: problems.length } } });
  return ids;
}

export async function userWithRole(role: "viewer" | "reviewer" | "curator" | "admin"): Promise<{ id: number; claim: { userId: number; sessionVersion: number } }> {
  const user = await createUser({ email: `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`, role, password: "long-enough-password-1" });
  return { id: user.id, claim: { userId: user.id, sessionVersion: 1 } };
}

export async function addEndpoint(name: string, baseUrl: string, purpose: "generation" | "embeddings" = "generation"): Promise<number> {
  const row = await prisma().modelEndpoint.create({ data: { name, purpose, baseUrl, model: "boxed-stand-in", apiStyle: "chat", maxConcurrency: 8, timeoutMs: 10_000 } });
  return row.id;
}

export async function auditActions(prefix: string): Promise<{ action: string; objectId: string | null; details: Record<string, unknown>; userId: number | null }[]> {
  const { rows } = await pool().query(`SELECT action, object_id AS "objectId", details, user_id AS "userId" FROM audit_log WHERE action LIKE $1 ORDER BY id`, [`${prefix}%`]);
  return rows;
}
