// People who can be given review work: active, with a role that may review.
import { can, isRole } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";

export async function listReviewers(): Promise<{ id: number; email: string; name: string | null; role: string }[]> {
  const users = await prisma().user.findMany({ where: { active: true }, orderBy: { email: "asc" }, select: { id: true, email: true, name: true, role: true } });
  return users.filter((u) => isRole(u.role) && can(u.role, "review.annotate"));
}
