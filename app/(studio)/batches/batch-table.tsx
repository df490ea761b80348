// The one table of generation batches: the batches page lists them all (with the set each wrote
// into), a set's page the batches that wrote into it (no set column there).
import Link from "next/link";
import { type DataColumn, ListTable, numberColumn, NumTd, Td } from "@/components/ui/data-table";
import { ShareBar } from "@/components/ui/share-bar";
import { formatInteger } from "@/lib/format";
import { StatusBadge } from "../solutions/status-badge";

export interface BatchTableRow {
  id: number;
  name: string;
  kind: string;
  state: string;
  model: string;
  requestCount: number;
  doneCount: number;
  failedCount: number;
  setName?: string;
}

const SET_COLUMN: DataColumn = { header: "Set" };

function BatchCells({ batch: b, withSet }: { batch: BatchTableRow; withSet: boolean }) {
  return (
    <>
      <Td className="max-w-[24rem]">
        <Link href={`/batches/${b.id}`} className="block truncate font-medium text-sky-700 hover:underline" title={b.name}>
          #{b.id} {b.name}
        </Link>
        <div className="truncate text-xs text-slate-500" title={b.model}>
          {b.model}
        </div>
      </Td>
      <Td>{b.kind}</Td>
      <Td>
        <StatusBadge value={b.state} />
      </Td>
      {withSet && <Td>{b.setName}</Td>}
      <NumTd>
        {formatInteger(b.doneCount)} / {formatInteger(b.requestCount)}
      </NumTd>
      <NumTd>{formatInteger(b.failedCount)}</NumTd>
      <Td>
        <ShareBar value={b.doneCount + b.failedCount} total={b.requestCount} label={`Progress of batch ${b.id}`} />
      </Td>
    </>
  );
}

export function BatchTable({ batches, label, withSet = false, empty }: { batches: BatchTableRow[]; label?: string; withSet?: boolean; empty?: string }) {
  const columns: DataColumn[] = [
    { header: "Batch" },
    { header: "Kind" },
    { header: "State" },
    ...(withSet ? [SET_COLUMN] : []),
    numberColumn("Done"),
    numberColumn("Failed"),
    { header: "Progress" },
  ];
  return (
    <ListTable label={label} columns={columns} items={batches} empty={empty} cells={(b) => <BatchCells batch={b} withSet={withSet} />} />
  );
}
