// What the users page may send, checked at the door by the server actions (and shared with the
// forms for their limits). Deeper rules (unique email, last admin) live in create-user.ts and
// update-user.ts, so the CLI obeys them too.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/permissions";
import { EmailSchema } from "@/lib/users/email";

const UserId = z.number().int().positive();

export const CreateUserSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().max(200).optional(),
  role: z.enum(ROLES),
  /** Empty or absent: a password is generated and shown once. */
  password: z.union([z.literal(""), z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters, or leave it empty to generate one`).max(200)]).optional(),
});

export const SetRoleSchema = z.object({ userId: UserId, role: z.enum(ROLES) });
export const SetActiveSchema = z.object({ userId: UserId, active: z.boolean() });
export const ResetPasswordSchema = z.object({ userId: UserId });
