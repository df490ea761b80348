// Word lists for the evaluation's rewriting rules. Deliberately NOT the retriever's lists
// (lib/decontamination/lexicon.ts): the renamed names come from a different pool, and the object
// pool contains nouns the retriever does not know, so the evaluation does not grade itself.

// [from, to]: realistic paraphrases seen in synthesized problems. Applied word-boundary, first
// letter case kept.
export const SYNONYMS: [string, string][] = [
  ["how many", "what number of"],
  ["how much", "what amount"],
  ["what is", "determine"],
  ["find", "determine"],
  ["compute", "calculate"],
  ["calculate", "work out"],
  ["evaluate", "compute"],
  ["buys", "purchases"],
  ["bought", "purchased"],
  ["buy", "purchase"],
  ["sells", "sold off"],
  ["gets", "receives"],
  ["got", "received"],
  ["gives", "hands"],
  ["gave", "handed"],
  ["each", "every"],
  ["total", "overall"],
  ["altogether", "in all"],
  ["in total", "combined"],
  ["costs", "is priced at"],
  ["cost", "price"],
  ["makes", "earns"],
  ["wants to", "would like to"],
  ["needs to", "has to"],
  ["decides to", "chooses to"],
  ["started", "began"],
  ["starts", "begins"],
  ["remaining", "left over"],
  ["the rest", "what remains"],
  ["twice", "two times"],
  ["half of", "50% of"],
  ["large", "big"],
  ["small", "little"],
  ["quickly", "fast"],
  ["store", "shop"],
  ["friends", "pals"],
  ["number", "value"],
  ["positive integers", "positive whole numbers"],
  ["integer", "whole number"],
  ["suppose", "assume"],
  ["let", "consider"],
  ["such that", "so that"],
  ["greatest", "largest"],
  ["smallest", "least"],
  ["express your answer", "write your answer"],
  ["simplify", "reduce"],
  ["the sum of", "the total of"],
  ["the product of", "the result of multiplying"],
  ["probability", "chance"],
  ["distinct", "different"],
  ["satisfy", "fulfil"],
  ["points", "locations"],
  ["every day", "daily"],
  ["per hour", "an hour"],
  ["minutes", "mins"],
];

export const FILLER_BEFORE = [
  "Here is a problem from a practice worksheet.",
  "Consider the following situation.",
  "Read the problem carefully.",
  "This question comes from a review set.",
  "Try the following.",
];

export const FILLER_AFTER = [
  "Show your work.",
  "Explain your reasoning.",
  "Give your final answer clearly.",
  "Think step by step before answering.",
  "Check your answer at the end.",
];

// Renamed people come from outside the usual English first-name lists on purpose.
export const REPLACEMENT_NAMES = [
  "Ayodele", "Ingrid", "Tomasz", "Priyanka", "Kwame", "Mireille", "Haruto", "Zainab", "Lorenzo",
  "Svetlana", "Thabo", "Ximena", "Oluwaseun", "Bjorn", "Anahita", "Dmitri", "Leilani", "Rashid",
  "Esperanza", "Kenji", "Nadia", "Ibrahim", "Marisol", "Yusuf", "Chiara", "Emeka", "Freya", "Arjun",
];

// Frequent first names the evaluation renames even at the start of a sentence (elsewhere any
// capitalised word that recurs mid-sentence counts as a name).
export const COMMON_FIRST_NAMES = new Set(
  `james john robert michael william david richard joseph thomas charles mary patricia jennifer linda
  elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily
  donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy
  janet tom tim sam jim bob bill joe jack tony mark paul steve kevin brian george ben alex max
  anna emma olivia sophia mia ella grace lily chloe zoe lucy kate jane jill ann anne julie rose
  carla maria marie mike peter henry adam andrew josh ryan eric jason jake luke noah liam ethan
  mason logan lucas jacob mateo sebastian jayden aiden dylan carlos juan jose luis john kylie
  tina gina nina dana diana rachel monica phoebe hannah leah sara martha jenny penny judy`.split(/\s+/),
);

// [singular, plural] countable objects, swapped with each other.
export const OBJECTS: [string, string][] = [
  ["apple", "apples"], ["orange", "oranges"], ["banana", "bananas"], ["cookie", "cookies"],
  ["cupcake", "cupcakes"], ["muffin", "muffins"], ["pencil", "pencils"], ["marble", "marbles"],
  ["sticker", "stickers"], ["book", "books"], ["ball", "balls"], ["toy", "toys"], ["egg", "eggs"],
  ["candle", "candles"], ["postcard", "postcards"], ["lollipop", "lollipops"], ["seashell", "seashells"],
  ["notebook", "notebooks"], ["crayon", "crayons"], ["flower", "flowers"], ["shirt", "shirts"],
  ["pie", "pies"], ["ticket", "tickets"], ["card", "cards"], ["bracelet", "bracelets"],
  ["kite", "kites"], ["puzzle", "puzzles"], ["peach", "peaches"], ["box", "boxes"], ["chair", "chairs"],
];
