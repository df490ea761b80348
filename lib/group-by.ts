// Items grouped by a key: groups in the order their keys first appear, items in input order
// (Map.groupBy, which Node 20 lacks).
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key) ?? [];
    if (group.length === 0) groups.set(key, group);
    group.push(item);
  }
  return groups;
}
