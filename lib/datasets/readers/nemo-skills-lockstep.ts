import { basename } from "node:path";
import { ImportError } from "@/lib/datasets/formats/import-error";
import type { ImportLocation, ImportRecord } from "@/lib/datasets/formats/import-record";
import { nemoSkillsRecord } from "@/lib/datasets/formats/nemo-skills-record";
import type { Row } from "@/lib/datasets/formats/row-fields";
import type { RawItem } from "@/lib/datasets/readers/raw-row-items";

// Reads several `output-rs<seed>.jsonl` files together: the k-th non-blank line of every file is
// the same problem, and becomes one record whose solutions are those lines' generations. Only one
// line per file is held at a time.

export async function* lockstepRecords(
  sources: AsyncIterator<RawItem>[],
  paths: readonly string[],
  seeds: (number | null)[],
  onRowError?: (error: ImportError) => void,
): AsyncGenerator<ImportRecord> {
  let index = 0;
  for (;;) {
    const results = await Promise.all(sources.map((s) => s.next()));
    const ended = results.map((r) => r.done === true);
    if (ended.every(Boolean)) return;
    index++;
    if (ended.some(Boolean)) {
      const short = ended.indexOf(true);
      const long = ended.indexOf(false);
      const longItem = results[long]?.value as RawItem;
      // Cannot realign after this: the rest of the files are out of step.
      throw new ImportError({
        code: "lockstep-mismatch",
        file: paths[short] as string,
        detail: `has only ${index - 1} records but ${basename(paths[long] as string)} has more (its record ${index} is at line ${longItem.loc.line})`,
      });
    }
    const items = results.map((r) => r.value as RawItem);
    const bad = items.find((item) => item.error !== undefined);
    let record: ImportRecord | null = null;
    try {
      if (bad?.error) throw bad.error;
      record = nemoSkillsRecord(
        items.map((item) => item.row as Row),
        items.map((item) => item.loc as ImportLocation),
        seeds,
      );
    } catch (error) {
      if (!(error instanceof ImportError) || !onRowError) throw error;
      onRowError(error);
    }
    if (record) yield record;
  }
}
