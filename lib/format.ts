// Number formatting shared by pages and the CLI.
export const formatInteger = (n: number | bigint) => Number(n).toLocaleString("en-US");
export const formatPercent = (part: number, whole: number, digits = 1) => (whole > 0 ? `${((part / whole) * 100).toFixed(digits)}%` : "–");
