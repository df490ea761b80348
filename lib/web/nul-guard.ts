// A NUL character cannot be stored in or compared with PostgreSQL text ("invalid byte sequence"),
// so an address carrying one (`?pq=a%00b`) is refused before any query sees it.
export function hasNulCharacter(url: URL): boolean {
  if (url.pathname.includes("%00") || url.pathname.includes("\u0000")) return true;
  for (const [key, value] of url.searchParams) if (key.includes("\u0000") || value.includes("\u0000")) return true;
  return false;
}
