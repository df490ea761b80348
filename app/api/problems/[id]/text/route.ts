// GET /api/problems/<id>/text: the whole text of one problem, as a download (lib/http/full-text-download.ts).
import { fullTextDownload } from "@/lib/http/full-text-download";

export const dynamic = "force-dynamic";

export const GET = fullTextDownload("problem");
