// Playwright cannot download its own browsers here; we use Debian's Chromium
// (`apt-get install -y chromium`) or the one CHROMIUM_PATH names.
import { existsSync } from "node:fs";
import { readSetting } from "../../lib/settings/read-settings";

export function chromiumPath(): string {
  const candidates = [readSetting("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install Debian's: `sudo apt-get update && sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium/Chrome binary.",
    );
  }
  return found;
}

export function chromiumLaunchOptions() {
  return {
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  };
}
