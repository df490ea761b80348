"use client";
// A bar chart whose every bar is a link (an SVG <a> with an accessible name), so a click on a bar
// opens the table of exactly the rows it counts. Bars are stacked or side by side; categories run
// along the x axis, or down the y axis for long names (layout "horizontal-bars").
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export interface BarSeries {
  key: string;
  name: string;
  color: string;
}

export interface LinkedBarRow {
  label: string;
  values: Record<string, number>;
  hrefs: Record<string, string>;
}

interface Props {
  rows: LinkedBarRow[];
  series: BarSeries[];
  xLabel: string;
  yLabel: string;
  /** What one unit is, for link names and the tooltip: "solutions", "problems". */
  unit: string;
  stacked?: boolean;
  layout?: "columns" | "horizontal-bars";
  height?: number;
  /** Slants the category labels of a column chart so many buckets stay readable. */
  slantLabels?: boolean;
}

const formatCount = (n: number) => n.toLocaleString("en-US");

export function LinkedBarChart({ rows, series, xLabel, yLabel, unit, stacked = false, layout = "columns", height, slantLabels = false }: Props) {
  const horizontal = layout === "horizontal-bars";
  const data = rows.map((row) => ({ label: row.label, ...row.values, __hrefs: row.hrefs }));
  const legendHeight = series.length > 1 ? 32 : 0;
  const chartHeight = height ?? (horizontal ? Math.max(160, 56 + legendHeight + rows.length * 36) : 300);
  const categoryWidth = horizontal ? Math.min(220, Math.max(80, ...rows.map((r) => r.label.length * 7))) : undefined;
  return (
    <BarChart
      responsive
      style={{ width: "100%", height: chartHeight }}
      data={data}
      layout={horizontal ? "vertical" : "horizontal"}
      margin={{ top: 8, right: 16, bottom: horizontal ? 24 : slantLabels ? 16 : 36, left: horizontal ? 8 : 16 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      {horizontal ? (
        <>
          <XAxis type="number" allowDecimals={false} tickFormatter={formatCount} label={{ value: xLabel, position: "insideBottom", offset: -12, fill: "#334155", fontSize: 12 }} tick={{ fontSize: 11, fill: "#334155" }} />
          <YAxis type="category" dataKey="label" width={categoryWidth} label={{ value: yLabel, angle: -90, position: "insideLeft", fill: "#334155", fontSize: 12 }} tick={{ fontSize: 11, fill: "#334155" }} interval={0} />
        </>
      ) : (
        <>
          <XAxis
            dataKey="label"
            label={{ value: xLabel, position: "insideBottom", offset: slantLabels ? -8 : -18, fill: "#334155", fontSize: 12 }}
            tick={slantLabels ? { fontSize: 11, fill: "#334155", angle: -35, textAnchor: "end" } : { fontSize: 11, fill: "#334155" }}
            height={slantLabels ? 64 : 30}
            interval={0}
          />
          <YAxis tickFormatter={formatCount} label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 4, fill: "#334155", fontSize: 12 }} tick={{ fontSize: 11, fill: "#334155" }} allowDecimals={false} />
        </>
      )}
      <Tooltip formatter={(value) => `${formatCount(Number(value))} ${unit}`} />
      {series.length > 1 && <Legend verticalAlign="top" height={legendHeight} wrapperStyle={{ fontSize: 12 }} />}
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.name}
          fill={s.color}
          stackId={stacked ? "stack" : undefined}
          isAnimationActive={false}
          shape={(props: { x?: number; y?: number; width?: number; height?: number; payload?: (typeof data)[number] }) => {
            const { x = 0, y = 0, width = 0, height: h = 0, payload } = props;
            const value = Number((payload as Record<string, unknown> | undefined)?.[s.key] ?? 0);
            const href = payload?.__hrefs?.[s.key];
            if (!payload || value <= 0 || !href) return <g />;
            const name = `${s.name} · ${payload.label}: ${formatCount(value)} ${unit}`;
            // Negative extents come from recharts for some layouts; draw the same box either way.
            const box = { x: width < 0 ? x + width : x, y: h < 0 ? y + h : y, width: Math.max(Math.abs(width), 1), height: Math.max(Math.abs(h), 1) };
            return (
              <a href={href} aria-label={name}>
                <title>{name}</title>
                <rect {...box} fill={s.color} className="cursor-pointer hover:opacity-80" />
              </a>
            );
          }}
        />
      ))}
    </BarChart>
  );
}
