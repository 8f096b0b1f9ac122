// UTF-8 for the generated codec: one pass that validates and decodes a string field, and the
// encoder side that refuses unpaired surrogates. Validation follows RFC 3629 (no overlong forms,
// no surrogates, nothing above U+10FFFF), the rule the reflective strict scan applies, so both
// codecs reject the same bytes at the same offset.

// ignoreBOM: a leading U+FEFF in a protobuf string is text, as protobuf-es decodes it.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const encoder = new TextEncoder();

/** The offset of the first byte of `bytes[start, end)` that is not well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    if (b0 < 0xc2 || b0 > 0xf4) return i;
    if (b0 < 0xe0) {
      if (i + 1 >= end || ((bytes[i + 1] as number) & 0xc0) !== 0x80) return i;
      i += 2;
      continue;
    }
    if (i + 1 >= end) return i;
    const b1 = bytes[i + 1] as number;
    if (b0 < 0xf0) {
      // E0 needs A0..BF (no overlong forms), ED needs 80..9F (no surrogates).
      const lo = b0 === 0xe0 ? 0xa0 : 0x80;
      const hi = b0 === 0xed ? 0x9f : 0xbf;
      if (b1 < lo || b1 > hi || i + 2 >= end || ((bytes[i + 2] as number) & 0xc0) !== 0x80) {
        return i;
      }
      i += 3;
      continue;
    }
    // F0 needs 90..BF (no overlong forms), F4 needs 80..8F (nothing above U+10FFFF).
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    if (
      b1 < lo ||
      b1 > hi ||
      i + 3 >= end ||
      ((bytes[i + 2] as number) & 0xc0) !== 0x80 ||
      ((bytes[i + 3] as number) & 0xc0) !== 0x80
    ) {
      return i;
    }
    i += 4;
  }
  return -1;
}

/** Decode bytes already known to be well-formed UTF-8. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}

/** Encode into `into` (which has room for 3 bytes per UTF-16 unit); returns bytes written. */
export function encodeUtf8Into(text: string, into: Uint8Array): number {
  return encoder.encodeInto(text, into).written;
}

// String.prototype.isWellFormed (Node 20+) is not in TypeScript's ES2022 lib.
const wellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** True when `s` has no unpaired UTF-16 surrogate (UTF-8 can carry it unchanged). */
export function isWellFormed(s: string): boolean {
  if (wellFormed !== undefined) return wellFormed.call(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return false;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}
