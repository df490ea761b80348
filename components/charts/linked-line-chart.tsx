"use client";
// Lines over a shared numeric x (k of pass@k), each point a link to its series' solutions.
// The x axis is categorical over the k values (1, 2, 4, ...), which spaces doublings evenly.
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

export interface LineSeries {
  key: string;
  name: string;
  color: string;
  href: string;
  points: { x: number; y: number | null }[];
}

interface Props {
  series: LineSeries[];
  xLabel: string;
  yLabel: string;
  /** Formats y for the tooltip and link names, e.g. as a percentage. */
  percent?: boolean;
  height?: number;
}

export function LinkedLineChart({ series, xLabel, yLabel, percent = true, height }: Props) {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const data = xs.map((x) => {
    const row: Record<string, number | null> = { x };
    for (const s of series) row[s.key] = s.points.find((p) => p.x === x)?.y ?? null;
    return row;
  });
  const format = (v: number) => (percent ? `${(v * 100).toFixed(1)}%` : v.toLocaleString("en-US"));
  // Markers differ by shape as well as colour, for readers who cannot tell the colours apart.
  const shapes = ["circle", "square", "diamond", "triangle"] as const;
  return (
    // Room below the plot for a legend of up to four lines.
    <LineChart responsive style={{ width: "100%", height: height ?? 300 + 18 * Math.ceil(series.length / 2) }} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      <XAxis dataKey="x" type="category" label={{ value: xLabel, position: "insideBottom", offset: -18, fill: "#334155", fontSize: 12 }} tick={{ fontSize: 11, fill: "#334155" }} />
      <YAxis
        domain={percent ? [0, 1] : ["auto", "auto"]}
        tickFormatter={(v) => (percent ? `${Math.round(Number(v) * 100)}%` : String(v))}
        label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 4, fill: "#334155", fontSize: 12 }}
        tick={{ fontSize: 11, fill: "#334155" }}
      />
      <Tooltip formatter={(value) => format(Number(value))} labelFormatter={(x) => `k = ${x}`} />
      <Legend verticalAlign="bottom" wrapperStyle={{ fontSize: 12, paddingTop: 24 }} />
      {series.map((s, i) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.name}
          stroke={s.color}
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
          // The hover dot would sit on top of the link and swallow the click.
          activeDot={false}
          dot={(props: { cx?: number; cy?: number; payload?: Record<string, number | null>; index: number }) => {
            const { cx, cy, payload, index } = props;
            const y = payload?.[s.key];
            if (cx === undefined || cy === undefined || y === null || y === undefined) return <g key={`${s.key}-${index}`} />;
            const name = `${s.name}, pass@${payload?.x}: ${format(y)}`;
            return (
              <a key={`${s.key}-${index}`} href={s.href} aria-label={name}>
                <title>{name}</title>
                <Marker shape={shapes[i % shapes.length]} cx={cx} cy={cy} color={s.color} />
              </a>
            );
          }}
        />
      ))}
    </LineChart>
  );
}

function Marker({ shape, cx, cy, color }: { shape: "circle" | "square" | "diamond" | "triangle"; cx: number; cy: number; color: string }) {
  const r = 5;
  if (shape === "square") return <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} fill={color} stroke="#fff" />;
  if (shape === "diamond") return <polygon points={`${cx},${cy - r - 1} ${cx + r + 1},${cy} ${cx},${cy + r + 1} ${cx - r - 1},${cy}`} fill={color} stroke="#fff" />;
  if (shape === "triangle") return <polygon points={`${cx},${cy - r - 1} ${cx + r + 1},${cy + r} ${cx - r - 1},${cy + r}`} fill={color} stroke="#fff" />;
  return <circle cx={cx} cy={cy} r={r} fill={color} stroke="#fff" />;
}
