"use server";

// Large exports run as a job writing to BOXED_HOME/exports; the page polls the Task and offers
// the file when done. (Small ones stream straight to the browser from /api/exports/download.)
import { authorizedAction } from "@/lib/auth/authorized-action";
import { ExportSettingsSchema } from "@/lib/datasets/export/export-settings";
import { queueExportJob } from "@/lib/datasets/export/queue-export-job";

export const startExportJob = authorizedAction("export.download", ExportSettingsSchema, (settings, user) => queueExportJob(settings, user.id));
