// GET /api/problems/<id>/text: the whole text of one problem, as a download. Pages show only its first
// characters (lib/solutions/long-text.ts); this streams the rest from the database in chunks.
import { guardRoute } from "@/lib/auth/guard-route";
import { streamFullText } from "@/lib/solutions/long-text";
import { parseDbId } from "@/lib/web/parse-id";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await guardRoute("dashboard.view");
  if (user instanceof Response) return user;
  const id = parseDbId((await params).id);
  const body = id === null ? null : await streamFullText("problem", id);
  if (id === null || !body) return Response.json({ error: "no such problem" }, { status: 404 });
  return new Response(body, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="problem-${id}.txt"`,
      "cache-control": "no-store",
    },
  });
}
