// The bordered white table most studio pages list their rows in. No hooks or state, so server
// pages and client row components can both render it. Header and body cells share CELL_PADDING
// so the columns line up.
import type { HTMLAttributes, ReactNode, TdHTMLAttributes } from "react";

export interface SimpleColumn {
  header: string;
  align?: "right";
  /** Extra header classes, e.g. a width when the table is `table-fixed`. */
  className?: string;
}

const CELL_PADDING = "px-4 py-2";

const classes = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(" ");

export function SimpleTable({ label, columns, className, children }: { label?: string; columns: SimpleColumn[]; className?: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table aria-label={label} className={classes("w-full text-sm", className)}>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column.header} className={classes(column.className, CELL_PADDING, column.align === "right" && "text-right")}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function Row({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={classes("border-t border-slate-100", className)} {...props} />;
}

export function Td({ align, className, ...props }: Omit<TdHTMLAttributes<HTMLTableCellElement>, "align"> & { align?: "right" }) {
  return <td className={classes(CELL_PADDING, align === "right" && "text-right", className)} {...props} />;
}
