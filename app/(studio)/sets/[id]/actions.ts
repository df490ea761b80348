"use server";
// Managing one problem set from its page: rename, archive, delete (a job). Each action checks the
// role on the server and the library functions audit inside their own transaction.
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { describeSetDeletion, startSetDeletion } from "@/lib/datasets/sets/delete-set";
import { SET_NAME_MAX, renameSet, setSetArchived } from "@/lib/datasets/sets/manage-set";

const setId = z.number().int().positive().max(2_147_483_647);

export const renameSetAction = authorizedAction("sets.manage", z.object({ setId, name: z.string().max(SET_NAME_MAX * 4) }), ({ setId, name }, user) =>
  renameSet(setId, name, user.id),
);

export const archiveSetAction = authorizedAction("sets.manage", z.object({ setId, archived: z.boolean() }), ({ setId, archived }, user) =>
  setSetArchived(setId, archived, user.id),
);

export const previewSetDeletionAction = authorizedAction("sets.manage", z.object({ setId }), ({ setId }) => describeSetDeletion(setId));

export const deleteSetAction = authorizedAction("sets.manage", z.object({ setId, confirmName: z.string().max(SET_NAME_MAX * 4) }), ({ setId, confirmName }, user) =>
  startSetDeletion(setId, confirmName, user.id),
);
