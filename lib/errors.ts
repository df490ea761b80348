// Errors meant for a person: the message names the place and says how to fix it. The CLI prints
// them as one line without a stack; server actions return them to the form.
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "UserFacingError";
  }

  /** The message with its fix, on one line. */
  oneLine(): string {
    return this.hint ? `${this.message} — ${this.hint}` : this.message;
  }
}

export class PermissionDeniedError extends UserFacingError {
  constructor(action: string, role: string | null) {
    super(`Not allowed: ${action} needs a different role${role ? ` (you are ${role})` : ""}.`);
    this.name = "PermissionDeniedError";
  }
}

export class NotFoundError extends UserFacingError {
  constructor(what: string) {
    super(`${what} was not found.`);
    this.name = "NotFoundError";
  }
}
