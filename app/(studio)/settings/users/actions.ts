"use server";
// Account management from the users page (admin only). Each action checks the role on the server
// and calls the same lib/users function as `npx boxed user ...`, which applies the rules (your own
// account, the last admin) and writes the audit entry in its transaction.
import { webActor } from "@/lib/audit/actor";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { createUser } from "@/lib/users/create-user";
import { resetUserPassword, setUserActive, setUserRole } from "@/lib/users/update-user";
import { CreateUserSchema, ResetPasswordSchema, SetActiveSchema, SetRoleSchema } from "@/lib/users/user-schemas";

export const createUserAction = authorizedAction("users.manage", CreateUserSchema, async (input, admin) => {
  const user = await createUser({ email: input.email, role: input.role, name: input.name || null, password: input.password || undefined }, webActor(admin));
  // Returned once so the admin can hand it over; only its hash is stored.
  return { id: user.id, email: user.email, role: user.role, password: input.password || (user.generatedPassword as string) };
});

export const setUserRoleAction = authorizedAction("users.manage", SetRoleSchema, async (input, admin) => {
  await setUserRole(input.userId, input.role, webActor(admin));
  return { userId: input.userId, role: input.role };
});

export const setUserActiveAction = authorizedAction("users.manage", SetActiveSchema, async (input, admin) => {
  const user = await setUserActive(input.userId, input.active, webActor(admin));
  return { userId: user.id, active: user.active };
});

export const resetUserPasswordAction = authorizedAction("users.manage", ResetPasswordSchema, async (input, admin) => {
  const user = await resetUserPassword(input.userId, undefined, webActor(admin));
  return { userId: user.id, email: user.email, password: user.generatedPassword as string };
});
