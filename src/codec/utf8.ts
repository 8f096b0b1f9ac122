// UTF-8 validation for string fields. protobuf-es decodes proto2 strings leniently (invalid bytes
// become U+FFFD, so a re-encode silently changes the data); the strict scan rejects them instead.
// Hand-written rather than TextDecoder({ fatal: true }) so that no string or exception is created
// per field: IDs and names are short and mostly ASCII, which the first loop handles.

/**
 * The offset of the first byte in `bytes[start, end)` that is not part of well-formed UTF-8
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 if all are.
 */
export function firstInvalidUtf8(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    if (b0 < 0xc2 || b0 > 0xf4) return i; // continuation byte, overlong 2-byte lead, or > U+10FFFF
    if (b0 < 0xe0) {
      if (i + 1 >= end || !isContinuation(bytes[i + 1] as number)) return i;
      i += 2;
      continue;
    }
    if (i + 1 >= end) return i;
    const b1 = bytes[i + 1] as number;
    if (b0 < 0xf0) {
      // E0 needs A0..BF (no overlong forms), ED needs 80..9F (no surrogates).
      const lo = b0 === 0xe0 ? 0xa0 : 0x80;
      const hi = b0 === 0xed ? 0x9f : 0xbf;
      if (b1 < lo || b1 > hi || i + 2 >= end || !isContinuation(bytes[i + 2] as number)) return i;
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
      !isContinuation(bytes[i + 2] as number) ||
      !isContinuation(bytes[i + 3] as number)
    ) {
      return i;
    }
    i += 4;
  }
  return -1;
}

function isContinuation(b: number): boolean {
  return (b & 0xc0) === 0x80;
}
