// UTF-8 for the generated codec: one pass that validates and decodes a string field, and the
// encoder side that refuses unpaired surrogates. Validation (RFC 3629) is src/codec/utf8.ts.

// ignoreBOM: a leading U+FEFF in a protobuf string is text, as protobuf-es decodes it.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const encoder = new TextEncoder();

// Validation is the reflective codec's own (one rule, one implementation), so both codecs reject
// the same bytes at the same offset.
export { firstInvalidUtf8 } from "../../utf8.js";

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
