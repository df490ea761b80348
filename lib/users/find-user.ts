import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors";

export async function findUser(userId: number) {
  const user = await prisma().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!user) throw new NotFoundError(`User #${userId}`);
  return user;
}
