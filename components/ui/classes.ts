/** Joins class names, leaving out the false and empty ones (`cond && "class"`). */
export const classes = (...parts: (string | false | null | undefined)[]): string => parts.filter(Boolean).join(" ");
