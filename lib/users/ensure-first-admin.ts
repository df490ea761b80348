// The first start of an empty database creates an admin: from BOXED_ADMIN_EMAIL and
// BOXED_ADMIN_PASSWORD when set, else admin@boxed.local with a generated password that is shown
// once (only its hash is stored).
import { generatePassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";
import { readSetting } from "@/lib/settings/read-settings";

export interface FirstAdmin {
  email: string;
  /** Present only when this call created the account with a generated password. */
  generatedPassword?: string;
  created: boolean;
}

export async function ensureFirstAdmin(env: Record<string, string | undefined> = process.env): Promise<FirstAdmin> {
  const email = readSetting("BOXED_ADMIN_EMAIL", env).toLowerCase();
  const anyUser = await prisma().user.findFirst({ select: { id: true } });
  if (anyUser) {
    const admin = await prisma().user.findFirst({ where: { role: "admin", active: true }, orderBy: { id: "asc" } });
    return { email: admin?.email ?? email, created: false };
  }
  const configured = readSetting("BOXED_ADMIN_PASSWORD", env);
  const password = configured ?? generatePassword();
  await createUser({ email, role: "admin", password, name: "Admin" });
  return { email, created: true, ...(configured ? {} : { generatedPassword: password }) };
}
