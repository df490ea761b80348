import { describe, expect, it } from "vitest";
import { keepOnePerCluster, NearDuplicateClusterer, signatureOf, estimatedJaccard } from "@/lib/decontamination/diversity/near-duplicates";

const ducks = "Janet's ducks lay 16 eggs per day. She eats 3 for breakfast and bakes muffins with 4. She sells the rest for $2 each. How much does she make every day?";
const renamed = "Priyanka's ducks lay 21 eggs per day. She eats 5 for breakfast and bakes muffins with 6. She sells the rest for $3 each. How much does she make every day?";
const train = "A train travels at 60 miles per hour for 2 hours, then at 40 miles per hour for 3 hours. How far does it travel in total?";
const trainAsksTime = "A train needs to cover 300 miles. It travels at 60 miles per hour. After how many hours does it arrive, if it stops twice for 15 minutes?";
const robe = "A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total does it take?";

describe("near-duplicate clusters", () => {
  it("the same problem with other names and numbers has (almost) the same signature; an unrelated one does not", () => {
    const a = signatureOf(ducks);
    const b = signatureOf(renamed);
    const c = signatureOf(train);
    expect(estimatedJaccard(a, 0, b, 0)).toBeGreaterThan(0.9);
    expect(estimatedJaccard(a, 0, c, 0)).toBeLessThan(0.2);
  });

  it("clusters verbatim copies across seeds and renamed/re-numbered copies, not same-topic problems", () => {
    const c = new NearDuplicateClusterer();
    c.add(10, ducks, 1);
    c.add(11, renamed, 1);
    c.add(12, train, 1);
    c.add(20, ducks, 2); // verbatim copy from another seed
    c.add(21, trainAsksTime, 2); // same topic, another problem
    c.add(22, robe, 2);
    const r = c.finish();
    expect(r.problems).toBe(6);
    expect(r.clusters).toBe(4);
    expect(Array.from(r.representative)).toEqual([0, 0, 2, 0, 4, 5]);
    expect(Array.from(r.clusterSize)).toEqual([3, 3, 1, 3, 1, 1]);
    expect(r.perSeed.get(1)).toEqual({ problems: 3, distinct: 2 });
    expect(r.perSeed.get(2)).toEqual({ problems: 3, distinct: 3 });
    expect(keepOnePerCluster(r)).toEqual({ keep: [10, 12, 21, 22], drop: [11, 20] });
  });

  it("incremental: problems already kept go first, so a new batch's copies point at them", () => {
    const c = new NearDuplicateClusterer();
    c.add(1, ducks); // kept earlier
    c.add(2, train); // kept earlier
    c.add(100, renamed); // new batch
    c.add(101, robe); // new batch
    const r = c.finish();
    const { drop } = keepOnePerCluster(r);
    expect(drop).toEqual([100]);
  });

  it("handles an empty set and problems without text", () => {
    expect(new NearDuplicateClusterer().finish()).toMatchObject({ problems: 0, clusters: 0 });
    const c = new NearDuplicateClusterer();
    c.add(1, "");
    c.add(2, "");
    expect(c.finish().clusters).toBe(1);
  });
});
