// Where to go after signing in. Only a path on this site is accepted, decided the way a browser
// decides: the candidate is parsed as a URL against the site's own origin (WHATWG rules: tabs and
// newlines removed, backslashes read as slashes, percent-escapes kept) and must keep that origin.
// What is returned is the parsed path, query and fragment, never the raw text, so nothing the
// browser might read differently (`/\evil`, `/\t/evil`, `//evil`, `javascript:`) gets through.
import { readSetting } from "@/lib/settings/read-settings";

export const DEFAULT_AFTER_SIGN_IN = "/";

export function safeCallbackPath(raw: unknown, siteOrigin: string): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2_000) return DEFAULT_AFTER_SIGN_IN;
  let origin: string;
  let url: URL;
  try {
    origin = new URL(siteOrigin).origin;
    url = new URL(raw, origin);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== origin || url.username || url.password) return DEFAULT_AFTER_SIGN_IN;
  // A path that itself starts with two slashes would be read as another host when used as a link.
  if (!url.pathname.startsWith("/") || url.pathname.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The site's origin: NEXTAUTH_URL (set by `npm start`, required behind a proxy), else localhost. */
export function siteOrigin(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return new URL(readSetting("NEXTAUTH_URL", env) ?? "http://localhost").origin;
  } catch {
    return "http://localhost";
  }
}
