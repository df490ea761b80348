// Runs once when the Next.js server starts (Next's instrumentation hook). The Node runtime stamps
// every request with the client's address decided from the socket (lib/auth/stamp-client-address.ts).
// Every setting is checked first (lib/settings): a bad value stops the server with its name.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkSettings } = await import("@/lib/settings/read-settings");
    checkSettings();
    const { installClientAddressStamp } = await import("@/lib/auth/stamp-client-address");
    installClientAddressStamp();
  }
}
