// The GET handler behind /api/problems/<id>/text and /api/samples/<id>/text: the whole text of one
// problem or sample, as a download. Pages show only its first characters (lib/solutions/long-text.ts);
// this streams the rest from the database in chunks.
import { guardRoute } from "@/lib/auth/guard-route";
import { type LongTextKind, streamFullText } from "@/lib/solutions/long-text";
import { parseDbId } from "@/lib/http/parse-id";

export function fullTextDownload(kind: LongTextKind) {
  return async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const user = await guardRoute("dashboard.view");
    if (user instanceof Response) return user;
    const id = parseDbId((await params).id);
    const body = id === null ? null : await streamFullText(kind, id);
    if (id === null || !body) return Response.json({ error: `no such ${kind}` }, { status: 404 });
    return new Response(body, {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename="${kind}-${id}.txt"`,
        "cache-control": "no-store",
      },
    });
  };
}
