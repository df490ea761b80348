// GET /api/decontamination/report?format=json|md[&threshold=T]: the decontamination funnel per
// benchmark set as a download. Anyone signed in who may see the studio may download it (the same
// counts the /decontamination page shows); the session and role are checked here.
import { guardRoute } from "@/lib/auth/guard-route";
import { DEFAULT_EMBEDDING_THRESHOLD } from "@/lib/decontamination/pipeline/run-retrieval";
import { buildDecontamReport } from "@/lib/decontamination/report/build-decontam-report";
import { reportToMarkdown } from "@/lib/decontamination/report/decontam-report";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await guardRoute("dashboard.view");
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "json";
  if (format !== "json" && format !== "md") return Response.json({ error: `format must be json or md (got ${format})` }, { status: 400 });
  const thresholdText = params.get("threshold");
  const threshold = thresholdText === null ? DEFAULT_FLAG_THRESHOLD : Number(thresholdText);
  if (!(threshold >= 0 && threshold <= 1)) return Response.json({ error: `threshold must be a number from 0 to 1 (got ${thresholdText})` }, { status: 400 });
  const report = await buildDecontamReport({ threshold, embeddingThreshold: DEFAULT_EMBEDDING_THRESHOLD });
  const stamp = report.generatedAt.slice(0, 19).replace(/[:T]/g, "-");
  const body = format === "json" ? `${JSON.stringify(report, null, 2)}\n` : reportToMarkdown(report);
  return new Response(body, {
    headers: {
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="decontamination-report-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
