// Taking an endpoint out of use. Disabling is always possible and reversible: the endpoint leaves
// the launch form and is refused at launch, while batches already running on it finish. Deleting
// is for endpoints nothing depends on: a batch records which endpoint wrote its solutions, so an
// endpoint any batch names can only be disabled. Both are audited in their transaction.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, UserFacingError } from "@/lib/errors";

export async function setEndpointDisabled(id: number, disabled: boolean, actorId: number | null): Promise<{ id: number; disabled: boolean }> {
  return prisma().$transaction(async (tx) => {
    const endpoint = await tx.modelEndpoint.findUnique({ where: { id }, select: { id: true, name: true, disabledAt: true } });
    if (!endpoint) throw new NotFoundError(`Endpoint #${id}`);
    if ((endpoint.disabledAt !== null) !== disabled) {
      await tx.modelEndpoint.update({ where: { id }, data: { disabledAt: disabled ? new Date() : null } });
      await recordAudit({ userId: actorId, action: disabled ? "endpoint.disable" : "endpoint.enable", objectType: "endpoint", objectId: id, details: { name: endpoint.name } }, tx);
    }
    return { id, disabled };
  });
}

export async function deleteEndpoint(id: number, actorId: number | null): Promise<{ id: number; name: string }> {
  return prisma().$transaction(async (tx) => {
    // FOR UPDATE: a launch that reads this endpoint meanwhile waits, so no batch can name it after the check.
    const rows = await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM model_endpoints WHERE id = ${id} FOR UPDATE`;
    const endpoint = rows[0];
    if (!endpoint) throw new NotFoundError(`Endpoint #${id}`);
    const batches = await tx.generationBatch.count({ where: { endpointId: id } });
    if (batches > 0) {
      throw new UserFacingError(`Endpoint "${endpoint.name}" is named by ${batches.toLocaleString("en-US")} batch${batches === 1 ? "" : "es"} and cannot be deleted.`, "disable it instead: it leaves the launch form and batches keep their record");
    }
    await tx.modelEndpoint.delete({ where: { id } });
    await recordAudit({ userId: actorId, action: "endpoint.delete", objectType: "endpoint", objectId: id, details: { name: endpoint.name } }, tx);
    return endpoint;
  });
}
