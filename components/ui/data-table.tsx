// The studio's one table look. `card` is a bordered white table standing on the page; `plain` sits
// inside a panel or figure that is already the card. No hooks or state, so server pages and client
// rows can both render it; the TanStack solutions table takes the same classes (TABLE_CLASSES)
// through useDataTable. Header and body cells share one padding, chosen by the table's variant
// (a data attribute the cells read), so the columns line up and cells need no context.
import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { classes } from "./classes";

export type TableVariant = "card" | "plain";

export interface DataColumn {
  /** Also the column's React key; `key` overrides it where two headers read alike or are empty. */
  header: string;
  key?: string;
  align?: "right";
  /** Extra header classes, e.g. a width when the table is `table-fixed`. */
  className?: string;
}

/** A column of numbers: its header sits right, over the NumTd cells. */
export const numberColumn = (header: string): DataColumn => ({ header, align: "right" });

export const TABLE_CLASSES = {
  card: "overflow-x-auto rounded-lg border border-slate-200 bg-white",
  plain: "overflow-x-auto",
  head: "text-left text-xs uppercase tracking-wide text-slate-500",
  cardHead: "bg-slate-50",
  row: "border-t border-slate-100",
} as const;

// Card cells: px-4 py-2. Plain cells: tighter, flush with the panel's left edge.
const CELL =
  "px-4 py-2 group-data-[variant=plain]/table:px-2 group-data-[variant=plain]/table:py-1 group-data-[variant=plain]/table:first:pl-0 group-data-[variant=plain]/table:last:pr-0";
const RIGHT = "text-right";

export function DataTable({
  label,
  caption,
  columns,
  variant = "card",
  fit = false,
  empty,
  className,
  children,
}: {
  label?: string;
  caption?: ReactNode;
  columns: DataColumn[];
  variant?: TableVariant;
  /** As wide as its content instead of the whole width. */
  fit?: boolean;
  /** Said in one cell across the table instead of rows ("No batches yet."); pass it only when
   * there are no rows, e.g. `empty={rows.length === 0 && "No batches yet."}`. */
  empty?: ReactNode;
  /** Classes of the <table> (a max width, a margin). */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={TABLE_CLASSES[variant]}>
      <table aria-label={label} data-variant={variant} className={classes("group/table text-sm", fit ? "w-auto" : "w-full", className)}>
        {caption && <caption className="text-left text-xs text-slate-500">{caption}</caption>}
        <thead className={classes(TABLE_CLASSES.head, variant === "card" && TABLE_CLASSES.cardHead)}>
          <tr>
            {columns.map((column) => (
              <th key={column.key ?? column.header} className={classes(CELL, column.align === "right" && RIGHT, column.className)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {children}
          {empty && <EmptyRow columns={columns.length}>{empty}</EmptyRow>}
        </tbody>
      </table>
    </div>
  );
}

/** A DataTable of a list: one Row per item, keyed by the item's id, whose cells `cells` gives; the
 * `empty` text instead when the list is empty. */
export function ListTable<T extends { id: number | string }>({
  items,
  cells,
  empty,
  ...table
}: Omit<Parameters<typeof DataTable>[0], "children" | "empty"> & { items: T[]; cells: (item: T) => ReactNode; empty?: ReactNode }) {
  return (
    <DataTable {...table} empty={items.length === 0 && empty}>
      {items.map((item) => (
        <Row key={item.id}>{cells(item)}</Row>
      ))}
    </DataTable>
  );
}

export function Row({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={classes(TABLE_CLASSES.row, className)} {...props} />;
}

export function Td({ align, className, ...props }: Omit<TdHTMLAttributes<HTMLTableCellElement>, "align"> & { align?: "right" }) {
  return <td className={classes(CELL, align === "right" && RIGHT, className)} {...props} />;
}

/** A number: right-aligned, with digits of one width so the column's numbers line up. */
export function NumTd({ className, ...props }: Omit<TdHTMLAttributes<HTMLTableCellElement>, "align">) {
  return <Td align="right" className={classes("tabular-nums", className)} {...props} />;
}

/** A row's header cell (the row's name, first column), read out with each of its cells. */
export function RowHeader({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="row" className={classes(CELL, "text-left font-medium", className)} {...props} />;
}

/** One cell across the table: "No rows yet." */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="px-4 py-6 text-center text-slate-500">
        {children}
      </td>
    </tr>
  );
}
