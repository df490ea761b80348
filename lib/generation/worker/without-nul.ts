// PostgreSQL text cannot hold NUL; a model can emit one. Every reply is stored through this.
export const withoutNul = (text: string) => (text.includes("\u0000") ? text.replaceAll("\u0000", "") : text);
