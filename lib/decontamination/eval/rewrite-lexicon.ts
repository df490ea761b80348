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

// Held-out paraphrase pairs: used only by the held-out family ("restated"), never by the families
// the score was fitted on, so the held-out rate says how a paraphrase the fit never saw fares.
export const HELD_OUT_SYNONYMS: [string, string][] = [
  ["sells", "trades"],
  ["market", "bazaar"],
  ["earn", "bring in"],
  ["earns", "brings in"],
  ["spend", "pay out"],
  ["spends", "pays out"],
  ["has", "owns"],
  ["have", "own"],
  ["together", "combined"],
  ["more than", "in excess of"],
  ["less than", "below"],
  ["the number of", "the count of"],
  ["find the value of", "what is the value of"],
  ["real numbers", "reals"],
  ["remainder", "amount left over"],
  ["twice", "double"],
  ["does not", "doesn't"],
  ["is not", "isn't"],
  ["of the", "from the"],
  ["there are", "we have"],
  ["there is", "we have"],
  ["what is", "what's"],
  ["determine", "figure out"],
  ["compute", "find"],
  ["all", "every one of the"],
  ["equal to", "the same as"],
  ["largest", "maximum"],
  ["minimum", "lowest"],
  ["walk", "stroll"],
  ["money", "cash"],
  ["week", "seven-day week"],
];

// Irrelevant sentences, the way GSM-Plus "distractor insertion" and GSM-NoOp add them: topical,
// with a number, and changing nothing. `{n}` is a number, `{x}` a noun of the problem.
export const DISTRACTORS = [
  "Note that {n} of the {x} were slightly smaller than the others.",
  "Last year there were {n} more {x} than this year.",
  "The {x} were first counted {n} days ago.",
  "A similar question was asked {n} times in the previous lesson.",
  "Assume {n} is an unrelated number that plays no role here.",
  "The teacher mentioned that {n} students solved this quickly.",
];

// Everyday words a free paraphrase brings in. To a lexical score a synonym it does not know is just
// another word, so "replace a share of the words by words from this pool" reproduces what an LLM
// paraphrase does to the features, without the rule being something the score could learn.
export const DRIFT_WORDS = `able account actually amount around asked away become begin below best better
  big bring brought building came carry certain change city clear close collect come complete contain
  count country couple cover current daily deal decide deliver different during early earn easy either
  else end enough entire equal event exactly except extra fact family far fast figure fill final fine
  follow form found full gather general given goes going good group grow hand happen hold home hour idea
  important include keep kind known large later least leave level light likely list little live long
  look lot low main make manage mean measure meet middle might mind mostly move near need new normal
  note number offer often old open order overall own pair part past pay people pick place plan point
  possible present pretty produce provide put quite rather reach ready real receive regular remain
  result return right room round run same save second see seem set several short show side simple
  single size small sort spend stand start stay still store such supply sure take task tell than then
  think though time together total toward turn type under until use usual value want way whole within
  work worth year`.split(/\s+/);
