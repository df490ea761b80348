// Addresses no page can use, refused with 400 by proxy.ts before any page or route runs:
// - a NUL character (`%00`): PostgreSQL text cannot store or compare one ("invalid byte sequence");
// - a path whose percent-escapes are not UTF-8 (`/batches/%C0%80`): Next.js fails to decode such a
//   segment into the page's params with a 500.
export function hasNulCharacter(url: URL): boolean {
  if (url.pathname.includes("%00") || url.pathname.includes("\u0000")) return true;
  for (const [key, value] of url.searchParams) if (key.includes("\u0000") || value.includes("\u0000")) return true;
  return false;
}

export function hasUndecodablePath(url: URL): boolean {
  try {
    decodeURIComponent(url.pathname);
    return false;
  } catch {
    return true;
  }
}

/** Why the address is refused, or null. */
export function unusableAddress(url: URL): string | null {
  if (hasNulCharacter(url)) return "the address contains a NUL character (%00)";
  if (hasUndecodablePath(url)) return "the address's path has percent-escapes that are not UTF-8";
  return null;
}
