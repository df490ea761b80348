// Who reviews which item of a queue: each item gets `perItem` distinct reviewers, reviews already
// done count toward that number (and stay with whoever did them), and the open work is spread so
// no reviewer has more than one item above another (least loaded first, ties in rotation).
export interface ItemToAssign {
  sampleId: number;
  position: number;
  stratum: string | null;
  /** Reviewers who already finished this item; they keep it. */
  doneBy: number[];
}

export interface PlannedRow {
  sampleId: number;
  position: number;
  stratum: string | null;
  assignedToId: number;
}

export interface AssignmentPlan {
  rows: PlannedRow[];
  /** Open work per reviewer after the plan, done items included. */
  load: Map<number, number>;
}

export function planAssignment(items: readonly ItemToAssign[], reviewerIds: readonly number[], perItem: number): AssignmentPlan {
  const reviewers = [...new Set(reviewerIds)];
  if (!Number.isInteger(perItem) || perItem < 1) throw new RangeError(`perItem must be a whole number of at least 1 (got ${perItem})`);
  if (perItem > reviewers.length) throw new RangeError(`${perItem} reviewers per item needs at least ${perItem} reviewers (got ${reviewers.length})`);
  const load = new Map<number, number>(reviewers.map((id) => [id, 0]));
  for (const item of items) for (const id of item.doneBy) if (load.has(id)) load.set(id, (load.get(id) ?? 0) + 1);
  const rows: PlannedRow[] = [];
  let turn = 0;
  for (const item of [...items].sort((a, b) => a.position - b.position)) {
    const done = new Set(item.doneBy);
    const need = perItem - done.size;
    if (need <= 0) continue;
    const candidates = reviewers.filter((id) => !done.has(id));
    const order = (id: number) => (reviewers.indexOf(id) - turn + reviewers.length) % reviewers.length;
    candidates.sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || order(a) - order(b));
    // perItem <= reviewers, so there are always `need` candidates left.
    for (const id of candidates.slice(0, need)) {
      rows.push({ sampleId: item.sampleId, position: item.position, stratum: item.stratum, assignedToId: id });
      load.set(id, (load.get(id) ?? 0) + 1);
    }
    turn = (turn + 1) % reviewers.length;
  }
  return { rows, load };
}
