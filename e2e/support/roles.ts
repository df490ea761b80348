// The accounts the global setup creates, one per role, and where their signed-in state is saved.
import { join } from "node:path";
import { authDir } from "./auth-dir";

export const E2E_PASSWORD = "e2e-password-123";
export const E2E_ROLES = ["admin", "curator", "reviewer", "viewer"] as const;
export type E2eRole = (typeof E2E_ROLES)[number];

export const emailFor = (role: E2eRole) => `${role}@e2e.test`;
export const storageStateFor = (role: E2eRole) => join(authDir(), `${role}.json`);
