// A cooperative work budget. JavaScript cannot preempt a synchronous call, so every loop that can
// grow with its input (evaluation, matching, scanning) charges steps here; the budget throws once
// either the step allowance or the wall-clock deadline is spent, and the checker turns that into
// an "undecided: timeout" verdict instead of blocking the caller.

export class BudgetExceededError extends Error {
  constructor(readonly why: "steps" | "deadline") {
    super(why === "steps" ? "step budget exhausted" : "time budget exhausted");
    this.name = "BudgetExceededError";
  }
}

export interface BudgetLimits {
  timeBudgetMs: number;
  maxSteps?: number;
}

// Reading the clock costs far more than a step, so the deadline is only looked at periodically.
const CLOCK_EVERY = 256;

export class Budget {
  readonly deadline: number;
  private readonly maxSteps: number;
  private steps = 0;
  private untilClock = CLOCK_EVERY;

  constructor(limits: BudgetLimits) {
    this.deadline = performance.now() + limits.timeBudgetMs;
    this.maxSteps = limits.maxSteps ?? 2_000_000;
  }

  /** Charges `n` steps; throws BudgetExceededError when the allowance or the deadline is spent. */
  tick(n = 1): void {
    this.steps += n;
    if (this.steps > this.maxSteps) throw new BudgetExceededError("steps");
    this.untilClock -= n;
    if (this.untilClock <= 0) {
      this.untilClock = CLOCK_EVERY;
      this.checkDeadline();
    }
  }

  checkDeadline(): void {
    if (performance.now() > this.deadline) throw new BudgetExceededError("deadline");
  }

  get used(): number {
    return this.steps;
  }
}
