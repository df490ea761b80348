// What the batch file routes (/api/batches/<id>/requests and /results) check first: the caller may
// control batches, and the id in the URL is a database id. Returns the response to send otherwise.
import { NextResponse } from "next/server";
import { guardRoute } from "@/lib/auth/guard-route";
import { parseDbId } from "@/lib/http/parse-id";

export async function guardBatchRoute(params: Promise<{ id: string }>) {
  const user = await guardRoute("batches.control");
  if (user instanceof Response) return user;
  const id = parseDbId((await params).id);
  if (id === null) return NextResponse.json({ error: "batch id must be a whole number from 1 to 2147483647" }, { status: 400 });
  return { user, id };
}
