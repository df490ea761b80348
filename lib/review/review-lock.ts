// Review item locks. A claimed item is locked to its reviewer until locked_until (a lease that
// expires, so an abandoned item goes back to the pool). A reviewed item keeps its reviewer and
// gets the far-future DONE lock: nobody else can claim it, and counting done items is a range
// scan. Undo turns DONE back into a normal lease for the same reviewer.
// All lock times are computed in SQL (now()), so the web server's clock and time zone never mix in.
export const LEASE = "interval '15 minutes'";
export const DONE_LOCK = "timestamp '9999-12-31 00:00:00'";
