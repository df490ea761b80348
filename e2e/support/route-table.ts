// Every route handler under app/api (but auth and health, which are public by design), with a
// request that reaches it and the lowest role allowed. e2e/accounts.spec.ts sends each request as
// nobody and as every role, and fails when a route.ts file on disk is missing from this table.
// Requests are built to be refused by validation or to find nothing, so the walk changes no data.
import type { E2eRole } from "./roles";

export interface RouteCase {
  file: string;
  method: "GET" | "POST";
  path: string;
  minimum: E2eRole;
}

export const PUBLIC_ROUTE_FILES = ["app/api/auth/[...nextauth]/route.ts", "app/api/health/route.ts"];

export const ROUTE_TABLE: RouteCase[] = [
  { file: "app/api/batches/[id]/progress/route.ts", method: "GET", path: "/api/batches/999999/progress", minimum: "viewer" },
  { file: "app/api/batches/[id]/requests/route.ts", method: "GET", path: "/api/batches/0/requests", minimum: "curator" },
  { file: "app/api/batches/[id]/results/route.ts", method: "POST", path: "/api/batches/0/results", minimum: "curator" },
  { file: "app/api/decontamination/report/route.ts", method: "GET", path: "/api/decontamination/report?format=not-a-format", minimum: "viewer" },
  { file: "app/api/exports/[taskId]/route.ts", method: "GET", path: "/api/exports/999999", minimum: "curator" },
  { file: "app/api/exports/[taskId]/file/route.ts", method: "GET", path: "/api/exports/999999/file", minimum: "curator" },
  { file: "app/api/exports/[taskId]/manifest/route.ts", method: "GET", path: "/api/exports/999999/manifest", minimum: "curator" },
  { file: "app/api/exports/download/route.ts", method: "GET", path: "/api/exports/download?format=not-a-format", minimum: "curator" },
  { file: "app/api/imports/[taskId]/route.ts", method: "GET", path: "/api/imports/999999", minimum: "curator" },
  { file: "app/api/imports/upload/route.ts", method: "POST", path: "/api/imports/upload", minimum: "curator" },
  { file: "app/api/problems/[id]/text/route.ts", method: "GET", path: "/api/problems/999999/text", minimum: "viewer" },
  { file: "app/api/samples/[id]/text/route.ts", method: "GET", path: "/api/samples/999999/text", minimum: "viewer" },
  // Any signed-in user may ask; a Task whose kind they may not read is "not found" (404), as is this one.
  { file: "app/api/tasks/[taskId]/route.ts", method: "GET", path: "/api/tasks/999999", minimum: "viewer" },
];
