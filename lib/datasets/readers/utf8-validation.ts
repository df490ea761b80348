// Byte-level UTF-8 helpers. TextDecoder({fatal}) only says "invalid"; these find *where*, and
// where a chunk can be cut without splitting a multi-byte character.

/** Length of the longest prefix of `bytes` that does not end inside a multi-byte sequence. The
 * rest (1-3 bytes) must be carried over to the next chunk. Malformed tails are left in the prefix
 * so the strict decoder rejects them. */
export function completePrefixLength(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = n - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && ((bytes[i] as number) & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return n;
  const lead = bytes[i] as number;
  const need = (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 1;
  return need > 1 && n - i < need ? i : n;
}

/** Index of the first byte that starts an invalid sequence, or -1. Rejects overlongs, surrogates
 * and code points above U+10FFFF, like the WHATWG decoder. A sequence cut off by the end of the
 * buffer counts as invalid at its lead byte. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const second = bytes[i + 1] as number;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

export function countNewlines(bytes: Uint8Array, end = bytes.length): number {
  let count = 0;
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = buf.indexOf(0x0a);
  while (at !== -1 && at < end) {
    count++;
    at = buf.indexOf(0x0a, at + 1);
  }
  return count;
}
