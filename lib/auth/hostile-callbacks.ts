// The forms of a hostile callbackUrl that a browser's own URL parser turns into another host or a
// script, as the server reads them (decoded). One list for the unit test of safeCallbackPath and
// the end-to-end sign-in tests, which send each one URL-encoded; each adds the forms that name its
// own origin. A test fixture: nothing in the product imports it.
export const HOSTILE_CALLBACKS: readonly string[] = [
  "/\\evil.example/x",
  "/\\\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "\t//evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "//evil.example",
  "///evil.example",
  "/.//evil.example",
  "/%2E//evil.example",
  "//evil.example/@localhost",
  "https://evil.example/",
  "https:evil.example",
  "https:/evil.example",
  "HTTPS://EVIL.EXAMPLE",
  " //evil.example",
  "javascript:alert(1)",
  "javascript:alert(document.domain)",
  "JaVaScRiPt:alert(1)",
  "\tjavascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
];
