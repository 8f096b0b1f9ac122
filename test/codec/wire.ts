// Tiny helpers to write protobuf wire bytes by hand in tests (independent of the scanner).

/** Concatenate byte arrays and plain byte values. */
export function bytes(...parts: (Uint8Array | number[] | number)[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === "number") out.push(part);
    else out.push(...part);
  }
  return new Uint8Array(out);
}

/** A varint (non-negative; up to 2^53). */
export function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

/** A negative int32 as protobuf writes it: ten bytes, sign-extended. */
export function negativeVarint(n: number): number[] {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

export function tag(no: number, wireType: number): number[] {
  return varint(no * 8 + wireType);
}

/** A length-delimited field: tag, length, payload. */
export function ld(no: number, payload: Uint8Array | number[]): Uint8Array {
  return bytes(tag(no, 2), varint(payload.length), payload);
}

/** A string field. */
export function str(no: number, s: string): Uint8Array {
  return ld(no, new TextEncoder().encode(s));
}

/** A varint field. */
export function vi(no: number, n: number): Uint8Array {
  return bytes(tag(no, 0), varint(n));
}
