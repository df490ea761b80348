// Test helper: read a dataset fully into memory (fixtures only).
import type { ImportRecord } from "@/lib/datasets/formats/import-record";
import { type OpenDatasetOptions, openDataset } from "@/lib/datasets/readers/open-dataset";

export async function readAll(input: string | string[], options: OpenDatasetOptions = {}) {
  const reader = await openDataset(input, options);
  const records: ImportRecord[] = [];
  for await (const record of reader) records.push(record);
  return { reader, records };
}
