// Who may do what. The single source for the server checks, docs/security.md and the test that
// walks every action for every role. Roles are ordered: each one can do all the lower ones can.
export const ROLES = ["viewer", "reviewer", "curator", "admin"] as const;
export type RoleName = (typeof ROLES)[number];

export const ACTIONS = {
  "dashboard.view": { minimum: "viewer", what: "See the dashboard, problem sets, batches, solutions and problems" },
  "export.download": { minimum: "curator", what: "Export datasets and download export files" },
  "sets.import": { minimum: "curator", what: "Import files into problem sets" },
  "sets.manage": { minimum: "curator", what: "Rename, archive and delete problem sets" },
  "batches.launch": { minimum: "curator", what: "Launch generation batches" },
  "batches.control": { minimum: "curator", what: "Pause, resume, cancel and retry batches" },
  "templates.edit": { minimum: "curator", what: "Create new versions of prompt templates" },
  "decontam.run": { minimum: "curator", what: "Run decontamination retrieval and judge batches" },
  "review.queue.create": { minimum: "curator", what: "Create and assign review queues" },
  "samples.bulk": { minimum: "curator", what: "Bulk actions on solutions matching a filter" },
  "review.annotate": { minimum: "reviewer", what: "Review solutions (accept, reject, unsure, notes)" },
  "decontam.decide": { minimum: "reviewer", what: "Decide whether a problem is contaminated" },
  "endpoints.manage": { minimum: "admin", what: "Add, edit and test model endpoints" },
  "users.manage": { minimum: "admin", what: "Create users, change roles, deactivate, reset passwords" },
  "audit.view": { minimum: "admin", what: "Read the audit log" },
} as const satisfies Record<string, { minimum: RoleName; what: string }>;

export type ActionName = keyof typeof ACTIONS;

export function isRole(value: unknown): value is RoleName {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: RoleName | null | undefined, action: ActionName): boolean {
  if (!role) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(ACTIONS[action].minimum);
}
