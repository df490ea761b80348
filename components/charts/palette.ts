// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale
// screenshots when paired with labels. One meaning per colour across every chart.
import type { VerdictName } from "@/lib/solutions/solution-view";

export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000",
} as const;

/** Lines of multi-series charts, in order. Yellow is left out: too light on white. */
export const SERIES_COLORS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue, OKABE_ITO.black, "#7f7f7f"];

export const VERDICT_COLORS: Record<VerdictName, string> = {
  equal: OKABE_ITO.bluishGreen,
  not_equal: OKABE_ITO.vermillion,
  no_answer: OKABE_ITO.orange,
  undecided: OKABE_ITO.reddishPurple,
  ungraded: "#9ca3af",
};

export const VERDICT_LABELS: Record<VerdictName, string> = {
  equal: "Correct",
  not_equal: "Wrong",
  no_answer: "No answer",
  undecided: "Undecided",
  ungraded: "Ungraded",
};
