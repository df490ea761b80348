// Number words -> digits, so "three apples" and "3 apples" share features. Only the cardinal words
// that appear in grade-school problems; ordinals and "dozen" are left alone because they change
// meaning ("two dozen" is 24, "the third" is not 3 of anything).
const UNITS = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

const value = new Map<string, number>();
UNITS.forEach((w, i) => {
  value.set(w, i);
});
TENS.forEach((w, i) => {
  if (w) value.set(w, i * 10);
});

const COMPOUND = new RegExp(`\\b(${TENS.filter(Boolean).join("|")})[- ](${UNITS.slice(1, 10).join("|")})\\b`, "gi");
const SINGLE = new RegExp(`\\b(${[...value.keys()].join("|")})\\b`, "gi");

export function replaceNumberWords(text: string): string {
  return text
    .replace(COMPOUND, (_, t: string, u: string) => String(value.get(t.toLowerCase())! + value.get(u.toLowerCase())!))
    .replace(SINGLE, (w: string) => String(value.get(w.toLowerCase())));
}
