// The words the arithmetic check must know: they decide whether a number next to them is a plain
// value (prose, a unit) or bound to something the check does not read.

// Words that bind to a neighbouring number more tightly than "=" does, in either direction.
export const BINDING_WORDS = new Set([
  "times", "plus", "minus", "by", "over", "x", "less", "more", "fewer", "than", "twice", "double", "triple", "thrice", "half", "halves",
  "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth", "fifths", "tenth", "tenths", "squared", "cubed", "square",
  "cube", "root", "roots", "sqrt", "log", "ln", "sin", "cos", "tan", "exp", "mod", "modulo", "pmod", "factorial", "power", "hundred",
  "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "trillion", "dozen", "dozens", "score", "product",
  "quotient", "multiplied", "divided", "added", "subtracted", "increased", "decreased", "reduced", "raised", "pi", "e", "i",
]);
// After a number, words that change its scale: "$2.50 - $2.24 = 26 cents", "1/5 = 20 percent".
export const RESCALING_AFTER = new Set(["cents", "cent", "pennies", "percent", "percentage", "pct", "of"]);
// Nouns a number labels rather than counts: "Week 1 + Week 2", "on day 1 * 2", "Step 3".
export const LABEL_NOUNS = new Set([
  "day", "week", "month", "year", "step", "part", "case", "level", "grade", "round", "game", "stage", "phase", "chapter", "page",
  "section", "line", "row", "column", "room", "floor", "bus", "route", "gate", "question", "problem", "equation", "item", "term",
  "period", "team", "group", "class", "lesson", "test", "exam", "quiz", "trip", "number", "no", "hour", "minute", "second", "figure",
  "option", "choice", "box", "bag", "player", "person", "student", "house", "unit", "remaining", "station", "track", "version",
]);
// Only before a number: "$10 per 2", "a total of" is prose but "half of 60" is not.
export const BINDING_BEFORE = new Set(["per", "of", "into", "from"]);
