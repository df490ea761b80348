// The one rule for an account's email, used by the users page, the CLI and BOXED_ADMIN_EMAIL:
// trimmed, lower-cased, something@somewhere without spaces. Deliberately loose (a local domain
// such as admin@boxed is fine); sign-in compares the normalised form.
import { z } from "zod";

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;
export const EMAIL_MAX = 320;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX)
  .regex(EMAIL_PATTERN, "enter an email address such as ada@example.org");
