// The decode half of the runtime that generated codecs (gen/**/*_codec.ts) call: one shared
// reader state, the slow paths of varints, tags and lengths (the one-byte forms are inlined by
// the generator), strings, bytes, fixed-width values, unknown fields, and every failure.
//
// Semantics are those of the reflective strict reader in src/codec (read-binary.ts): the first
// problem in byte order wins, with the same code, path and offset. Paths are kept as a stack the
// generated code pushes to when it enters a nested message (or a map entry: the map's name, and
// the key read so far around its value), so the happy path never rebuilds one.
//
// Required fields are not judged here either: a message that ends without one of its required
// fields is only noted (`starts`, with the offset of its tag), and the caller judges the merged
// message afterwards, as the reflective decode does.
//
// Unknown groups are skipped with an explicit stack, never recursion, so no nesting depth can
// overflow the JS stack; known nested messages recurse through generated functions, bounded by
// maxDepth and by STACK_SAFE_DEPTH: past that, the read gives up (TOO_DEEP) and the caller reads
// the input with the iterative reflective reader instead.
import { protoInt64 } from "@bufbuild/protobuf";
import { DecodeError, type Issue, type IssuePath, quote } from "../../../problems/index.js";
import { decodeUtf8, firstInvalidUtf8 } from "./utf8.js";

/** Known messages nested deeper than this are refused even when maxDepth allows more. */
export const STACK_SAFE_DEPTH = 500;

const WIRE_NAMES = ["varint", "64-bit", "length-delimited", "start-group", "end-group", "32-bit"];

export type PathSegment = string | number;

/** Thrown when known messages nest past STACK_SAFE_DEPTH (below maxDepth): read reflectively. */
export const TOO_DEEP: unique symbol = Symbol("generated-codec-too-deep");

/** One unknown field as protobuf-es keeps it (the bytes after the tag, copied). */
export interface UnknownRecord {
  no: number;
  wireType: number;
  data: Uint8Array;
}

const EMPTY = new Uint8Array(0);

/** Everything one decode shares between generated functions and the helpers below. */
export class Reader {
  buf: Uint8Array = EMPTY;
  pos = 0;
  /** High 32 bits of the last varint read (the low bits are the helper's return value). */
  hi = 0;
  maxDepth = 100;
  /** min(maxDepth, STACK_SAFE_DEPTH): generated code compares nesting against this. */
  depthLimit = 100;
  maxUnknownFields = 10_000;
  unknownCount = 0;
  /** The root message type, for error headlines. */
  typeName = "";
  /**
   * Field names, indexes and map keys from the root to the message being read. Kept only while
   * `track` is true: the first pass over the input keeps no path for message fields (a push and
   * two pops per nested message, on every decode), and a pass that fails is run again with
   * `track` on, which throws the same error with its path (see codec.ts).
   */
  readonly path: PathSegment[] = [];
  track = false;
  /**
   * Messages that ended without one of their required fields, with the offset of the tag that
   * opened them (the root: 0); undefined while every message read so far had all of them.
   * Singular message fields merge when they occur again, so the caller judges the merged
   * message; a message lacking a field after the merge lacked it in its last occurrence too, so
   * its offset here is that of its last occurrence.
   */
  starts: WeakMap<object, number | undefined> | undefined = undefined;
}

/** Note that message `m` (opened at `start`) ended without a required field. */
export function incomplete(r: Reader, m: object, start: number | undefined): void {
  if (r.starts === undefined) r.starts = new WeakMap();
  r.starts.set(m, start);
}

// ---- values -------------------------------------------------------------------------------

/**
 * Read a varint at r.pos (at most 10 bytes, the 10th at most 1, as Go requires). Returns its low
 * 32 bits as an int32 and leaves the high 32 bits in r.hi.
 */
export function varint(
  r: Reader,
  end: number,
  tagPos: number,
  name: string | undefined,
  index: number,
): number {
  const buf = r.buf;
  const start = r.pos;
  let pos = start;
  let lo = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= end) failTruncated(r, tagPos, name, index, "a varint");
    const b = buf[pos++] as number;
    lo |= (b & 0x7f) << shift;
    if (b < 0x80) {
      r.pos = pos;
      r.hi = 0;
      return lo;
    }
  }
  if (pos >= end) failTruncated(r, tagPos, name, index, "a varint");
  let b = buf[pos++] as number;
  lo |= (b & 0x0f) << 28;
  let hi = (b & 0x7f) >> 4;
  if (b < 0x80) {
    r.pos = pos;
    r.hi = hi;
    return lo;
  }
  for (let i = 5, shift = 3; i < 10; i++, shift += 7) {
    if (pos >= end) failTruncated(r, tagPos, name, index, "a varint");
    b = buf[pos++] as number;
    hi |= (b & 0x7f) << shift;
    if (b < 0x80) {
      if (i === 9 && b > 1) break;
      r.pos = pos;
      r.hi = hi;
      return lo;
    }
  }
  return failVarint(r, name, index, start);
}

/** A length prefix and its bounds check; returns the length, r.pos at the payload. */
export function length(
  r: Reader,
  end: number,
  tagPos: number,
  name: string | undefined,
  index: number,
): number {
  const lenPos = r.pos;
  const b = r.buf[lenPos] as number;
  let len: number;
  if (lenPos < end && b < 0x80) {
    r.pos = lenPos + 1;
    len = b;
  } else {
    len = varintNumber(r, end, tagPos, name, index);
  }
  if (len > end - r.pos) {
    fail(
      r,
      "truncated",
      tagPos,
      `length prefix ${len} at byte ${lenPos} runs past the end of the ${container(r)} ` +
        `(${end - r.pos} bytes left)`,
      name,
      index,
    );
  }
  return len;
}

/** A varint as a JS number, exact up to 2^53 (all a length can be). */
function varintNumber(
  r: Reader,
  end: number,
  tagPos: number,
  name: string | undefined,
  index: number,
): number {
  const lo = varint(r, end, tagPos, name, index);
  return (r.hi >>> 0) * 0x100000000 + (lo >>> 0);
}

/** Check that `n` bytes remain for a fixed-width value. */
export function need(
  r: Reader,
  end: number,
  n: number,
  tagPos: number,
  name: string | undefined,
  index: number,
): void {
  if (end - r.pos < n) {
    failTruncated(r, tagPos, name, index, n === 8 ? "a 64-bit value" : "a 32-bit value");
  }
}

export function bool(r: Reader, end: number, tagPos: number, name: string, index: number): boolean {
  const lo = varint(r, end, tagPos, name, index);
  return (lo | r.hi) !== 0;
}

// Values below 2^32 (ports, sizes, counts: almost all of them) become a bigint straight from the
// number; protoInt64's general path goes through a DataView. Only where bigint exists: without
// it protoInt64 gives strings, and every value takes its path.
const BIGINT = protoInt64.supported;

/** The 64-bit value of the varint just read (low bits `lo`, high bits in r.hi). */
export function int64(r: Reader, lo: number): bigint {
  const hi = r.hi;
  if (hi === 0 && BIGINT) return BigInt(lo >>> 0);
  return protoInt64.dec(lo, hi) as bigint;
}

export function uint64(r: Reader, lo: number): bigint {
  const hi = r.hi;
  if (hi === 0 && BIGINT) return BigInt(lo >>> 0);
  return protoInt64.uDec(lo, hi) as bigint;
}

export function sint64(r: Reader, lo: number): bigint {
  const hi = r.hi;
  const s = -(lo & 1);
  return protoInt64.dec(((lo >>> 1) | ((hi & 1) << 31)) ^ s, (hi >>> 1) ^ s) as bigint;
}

export function sint32(lo: number): number {
  return ((lo >>> 1) ^ -(lo & 1)) | 0;
}

// Fixed-width reads go through one 8-byte scratch area; the byte order of typed arrays is the
// platform's, so big-endian hosts get the bytes reversed.
const scratch = new ArrayBuffer(8);
const scratchBytes = new Uint8Array(scratch);
const scratchF64 = new Float64Array(scratch);
const scratchF32 = new Float32Array(scratch);
const scratchView = new DataView(scratch);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function load(r: Reader, n: number): void {
  const buf = r.buf;
  const pos = r.pos;
  if (LITTLE) for (let i = 0; i < n; i++) scratchBytes[i] = buf[pos + i] as number;
  else for (let i = 0; i < n; i++) scratchBytes[n - 1 - i] = buf[pos + i] as number;
  r.pos = pos + n;
}

export function double(r: Reader): number {
  load(r, 8);
  return scratchF64[0] as number;
}

export function float(r: Reader): number {
  load(r, 4);
  return scratchF32[0] as number;
}

export function fixed32(r: Reader): number {
  load(r, 4);
  return scratchView.getUint32(0, LITTLE);
}

export function sfixed32(r: Reader): number {
  load(r, 4);
  return scratchView.getInt32(0, LITTLE);
}

export function fixed64(r: Reader): bigint {
  load(r, 8);
  return protoInt64.uDec(
    scratchView.getInt32(0, LITTLE),
    scratchView.getInt32(4, LITTLE),
  ) as bigint;
}

export function sfixed64(r: Reader): bigint {
  load(r, 8);
  return protoInt64.dec(scratchView.getInt32(0, LITTLE), scratchView.getInt32(4, LITTLE)) as bigint;
}

/** A string field: length, UTF-8 validation and decoding in one pass over the bytes. */
export function string(
  r: Reader,
  end: number,
  tagPos: number,
  name: string | undefined,
  index: number,
): string {
  const len = length(r, end, tagPos, name, index);
  const buf = r.buf;
  const start = r.pos;
  const stop = start + len;
  r.pos = stop;
  if (len <= 32) {
    // Short ASCII (names, roles, resource names, images, paths, most IDs, URIs and short
    // commands): fromCharCode with the codes as arguments, without an array of codes (measured
    // 15-25 % off a whole decode of the bench's tasks and offer against the array form below).
    let or = 0;
    for (let i = start; i < stop; i++) or |= buf[i] as number;
    if (or < 0x80) return shortAscii(buf, start, len);
  } else if (len <= 128) {
    // ASCII (IDs, most commands): one fromCharCode over the codes, without a TextDecoder call
    // (measured about twice as fast as appending character by character).
    const codes = new Array<number>(len);
    let i = start;
    for (; i < stop; i++) {
      const b = buf[i] as number;
      if (b > 0x7f) break;
      codes[i - start] = b;
    }
    if (i === stop) return String.fromCharCode.apply(String, codes);
  }
  const bad = firstInvalidUtf8(buf, start, stop);
  if (bad >= 0) {
    const byte = (buf[bad] as number).toString(16).padStart(2, "0");
    fail(
      r,
      "invalid_utf8",
      bad,
      `string field ${name ?? "value"} holds invalid UTF-8 (byte 0x${byte} at offset ${bad}); ` +
        "binary data belongs in a bytes field",
      name,
      index,
    );
  }
  return decodeUtf8(buf, start, stop);
}

// Strings read recently from fields that name things a stream of tasks repeats: the value of an
// ID message (AgentID, FrameworkID, ExecutorID, ...), a Docker image reference, a volume's paths
// and a Docker volume's name (the plugin picks the fields). A scheduler sends the same few agents,
// frameworks, images and mounts again and again; comparing the bytes with those of the string
// built last time costs no allocation and no fromCharCode call, and a repeat is then the same
// string, which the rules' verdict caches (IDs, images, volumes) compare by identity, not
// character by character. Only such fields fill it: no field that may carry a secret
// (environment values, labels, command lines, data). Direct-mapped by length and two bytes;
// bounded: RECENT_SLOTS strings of at most RECENT_MAX characters, and their bytes.
const RECENT_SLOTS = 64;
const RECENT_MAX = 128;
const recent: (string | undefined)[] = new Array(RECENT_SLOTS).fill(undefined);
// The bytes of each slot's string (RECENT_MAX per slot): compared byte against byte, two typed
// array loads, where charCodeAt checks the string on every call.
const recentBytes = new Uint8Array(RECENT_SLOTS * RECENT_MAX);

/** A string field that names a recurring thing: as string(), and equal to it, from `recent` when there. */
export function recentString(
  r: Reader,
  end: number,
  tagPos: number,
  name: string | undefined,
  index: number,
): string {
  const start = r.pos;
  const len = length(r, end, tagPos, name, index);
  if (len === 0 || len > RECENT_MAX) {
    r.pos = start;
    return string(r, end, tagPos, name, index);
  }
  const buf = r.buf;
  const from = r.pos;
  // The last byte and the middle one, multiplied so that all their bits reach the slot: paths
  // share their first byte ('/'), and IDs often their prefix.
  const slot =
    (len + (buf[from + (len >> 1)] as number) * 3 + (buf[from + len - 1] as number) * 17) &
    (RECENT_SLOTS - 1);
  const known = recent[slot];
  const at = slot * RECENT_MAX;
  if (known !== undefined && known.length === len) {
    let i = 0;
    while (i < len && buf[from + i] === recentBytes[at + i]) i++;
    if (i === len) {
      r.pos = from + len;
      return known;
    }
  }
  r.pos = start;
  const value = string(r, end, tagPos, name, index);
  // Kept only when every byte was one character (ASCII): the string's length is then its
  // byte count, and the bytes compared above are its characters.
  if (value.length === len) {
    recent[slot] = value;
    recentBytes.set(buf.subarray(from, from + len), at);
  }
  return value;
}

// The string of `len` (at most 32) ASCII bytes of `b` from `s`, one argument per byte.
function shortAscii(b: Uint8Array, s: number, len: number): string {
  // Every case reads exactly b[s] .. b[s + len - 1], inside the field the caller checked.
  const f = String.fromCharCode as (...codes: (number | undefined)[]) => string;
  // biome-ignore format: one line per length reads as the table it is
  switch (len) {
    case 1: return f(b[s]);
    case 2: return f(b[s], b[s + 1]);
    case 3: return f(b[s], b[s + 1], b[s + 2]);
    case 4: return f(b[s], b[s + 1], b[s + 2], b[s + 3]);
    case 5: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4]);
    case 6: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
    case 7: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6]);
    case 8: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7]);
    case 9: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8]);
    case 10: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9]);
    case 11: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10]);
    case 12: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11]);
    case 13: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12]);
    case 14: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13]);
    case 15: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14]);
    case 16: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15]);
    case 17: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16]);
    case 18: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17]);
    case 19: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18]);
    case 20: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19]);
    case 21: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20]);
    case 22: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20], b[s + 21]);
    case 23: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20], b[s + 21], b[s + 22]);
    case 24: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20], b[s + 21], b[s + 22], b[s + 23]);
    case 25: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20], b[s + 21], b[s + 22], b[s + 23], b[s + 24]);
    case 26: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20], b[s + 21], b[s + 22], b[s + 23], b[s + 24], b[s + 25]);
    case 27: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20], b[s + 21], b[s + 22], b[s + 23], b[s + 24], b[s + 25], b[s + 26]);
    case 28: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20], b[s + 21], b[s + 22], b[s + 23], b[s + 24], b[s + 25], b[s + 26], b[s + 27]);
    case 29: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20], b[s + 21], b[s + 22], b[s + 23], b[s + 24], b[s + 25], b[s + 26], b[s + 27], b[s + 28]);
    case 30: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20], b[s + 21], b[s + 22], b[s + 23], b[s + 24], b[s + 25], b[s + 26], b[s + 27], b[s + 28], b[s + 29]);
    case 31: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20], b[s + 21], b[s + 22], b[s + 23], b[s + 24], b[s + 25], b[s + 26], b[s + 27], b[s + 28], b[s + 29], b[s + 30]);
    case 32: return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19], b[s + 20], b[s + 21], b[s + 22], b[s + 23], b[s + 24], b[s + 25], b[s + 26], b[s + 27], b[s + 28], b[s + 29], b[s + 30], b[s + 31]);
    default: return "";
  }
}

/** A bytes field, copied: the message never shares memory with the input. */
export function bytes(
  r: Reader,
  end: number,
  tagPos: number,
  name: string | undefined,
  index: number,
): Uint8Array {
  const len = length(r, end, tagPos, name, index);
  const start = r.pos;
  r.pos = start + len;
  return copy(r.buf, start, start + len);
}

function copy(buf: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  out.set(buf.subarray(start, end));
  return out;
}

/**
 * The end of a packed run. Fixed-width runs (`width` 4 or 8) must hold whole elements and varint
 * runs must not end inside a varint: a cut run is `truncated` at its tag, at element `index`.
 */
export function packedEnd(
  r: Reader,
  end: number,
  tagPos: number,
  name: string,
  index: number,
  width: number,
  label: string,
): number {
  const len = length(r, end, tagPos, name, -1);
  const stop = r.pos + len;
  if (width > 0 ? len % width !== 0 : len > 0 && (r.buf[stop - 1] as number) >= 0x80) {
    fail(
      r,
      "truncated",
      tagPos,
      width > 0
        ? `packed field ${name} (${label}) has ${len} bytes, not a multiple of ${width}`
        : `packed field ${name} (${label}) ends inside a varint`,
      name,
      index,
    );
  }
  return stop;
}

// ---- unknown fields -----------------------------------------------------------------------

/**
 * Skip the value of an unknown field whose tag (at `tagPos`) was just read and return it as
 * protobuf-es keeps it: field number, wire type and a copy of the bytes after the tag (a group
 * up to and including its end-group tag). `depth` is the enclosing message's nesting level.
 */
export function unknown(
  r: Reader,
  no: number,
  wt: number,
  tagPos: number,
  end: number,
  depth: number,
): UnknownRecord {
  const start = r.pos;
  skip(r, no, wt, tagPos, end, depth);
  if (++r.unknownCount > r.maxUnknownFields) {
    fail(
      r,
      "too_many_unknown_fields",
      tagPos,
      `more than maxUnknownFields (${r.maxUnknownFields}) unknown fields; raise ` +
        "maxUnknownFields if such input is expected",
      undefined,
      -1,
    );
  }
  return { no, wireType: wt, data: copy(r.buf, start, r.pos) };
}

/** Skip a value without keeping it (unknown fields inside map entries, which protobuf-es drops). */
export function skip(
  r: Reader,
  no: number,
  wt: number,
  tagPos: number,
  end: number,
  depth: number,
): void {
  switch (wt) {
    case 0:
      varint(r, end, tagPos, undefined, -1);
      return;
    case 1:
      need(r, end, 8, tagPos, undefined, -1);
      r.pos += 8;
      return;
    case 5:
      need(r, end, 4, tagPos, undefined, -1);
      r.pos += 4;
      return;
    case 2: {
      const len = length(r, end, tagPos, undefined, -1); // moves r.pos: add afterwards
      r.pos += len;
      return;
    }
    default:
      skipGroup(r, no, tagPos, end, depth + 1);
  }
}

/**
 * Skip a group with an explicit stack of open groups: no recursion, whatever the nesting. Depth
 * and a missing end are reported at the outermost group's tag, as the reflective reader does.
 */
function skipGroup(r: Reader, no: number, startTag: number, end: number, depth: number): void {
  const open: number[] = [no]; // field numbers of the open groups, innermost last
  const buf = r.buf;
  for (;;) {
    if (depth + open.length - 1 > r.maxDepth) failGroupDepth(r, startTag);
    if (r.pos >= end) {
      fail(
        r,
        "truncated",
        startTag,
        `the group of field ${open[open.length - 1]} has no end-group tag`,
        undefined,
        -1,
      );
    }
    const tagPos = r.pos;
    let tag = buf[r.pos++] as number;
    if (tag > 0x7f) tag = readTag(r, tag, end, tagPos);
    const n = tag >>> 3;
    const w = tag & 7;
    if (n === 0 || w > 5) failTag(r, tagPos, n, w);
    if (w === 4) {
      const groupNo = open.pop() as number;
      if (n !== groupNo) {
        fail(
          r,
          "invalid_end_group",
          tagPos,
          `end-group tag for field ${n} closes the group of field ${groupNo}`,
          undefined,
          -1,
        );
      }
      if (open.length === 0) return;
      continue;
    }
    if (w === 3) {
      open.push(n);
      continue;
    }
    skip(r, n, w, tagPos, end, depth);
  }
}

/**
 * The rest of a tag whose first byte (before r.pos) had the continuation bit. A tag is a uint32
 * in at most 5 bytes, as protobuf-es reads it; a longer one is read on as a varint (up to 10
 * bytes) so that a cut or overlong one is `truncated` or `invalid_varint`, as the reflective
 * reader reports it, and `invalid_tag` otherwise. Returns the tag as an unsigned number.
 */
export function readTag(r: Reader, first: number, end: number, tagPos: number): number {
  const buf = r.buf;
  let pos = r.pos;
  let tag = first & 0x7f;
  for (let shift = 7; shift < 28; shift += 7) {
    if (pos >= end) failTruncated(r, tagPos, undefined, -1, "a tag");
    const b = buf[pos++] as number;
    tag |= (b & 0x7f) << shift;
    if (b < 0x80) {
      r.pos = pos;
      return tag;
    }
  }
  if (pos >= end) failTruncated(r, tagPos, undefined, -1, "a tag");
  let b = buf[pos++] as number;
  if (b <= 0x0f) {
    r.pos = pos;
    return (tag | (b << 28)) >>> 0;
  }
  // Bytes 6 to 10 of an over-long tag.
  for (let i = 5; b >= 0x80 && i < 10; i++) {
    if (pos >= end) failTruncated(r, tagPos, undefined, -1, "a tag");
    b = buf[pos++] as number;
    if (i === 9 && b > 1) failVarint(r, undefined, -1, tagPos);
  }
  return fail(
    r,
    "invalid_tag",
    tagPos,
    "tag varint is longer than 5 bytes or its field number exceeds 536870911 (2^29 - 1)",
    undefined,
    -1,
  );
}

// ---- failures -----------------------------------------------------------------------------

/** The path of an error: the reader's stack, then the field (and its index) when given. */
function pathOf(r: Reader, name: string | undefined, index: number): IssuePath {
  const path: IssuePath = [];
  for (const seg of r.path) path.push(seg);
  if (name !== undefined) {
    path.push(name);
    if (index >= 0) path.push(index);
  }
  return path;
}

function issue(
  code: Issue["code"],
  offset: number | undefined,
  message: string,
  path: IssuePath,
): Issue {
  return offset === undefined
    ? { code, severity: "error", path, message }
    : { code, severity: "error", path, message, offset };
}

export function fail(
  r: Reader,
  code: Issue["code"],
  offset: number,
  message: string,
  name: string | undefined,
  index: number,
): never {
  throw decodeError(r, issue(code, offset, message, pathOf(r, name, index)));
}

export function decodeError(r: Reader, first: Issue): DecodeError {
  return new DecodeError(`cannot decode ${r.typeName}`, [first]);
}

function container(r: Reader): string {
  return r.path.length === 0 ? "input" : "enclosing message";
}

function failTruncated(
  r: Reader,
  tagPos: number,
  name: string | undefined,
  index: number,
  what: string,
): never {
  return fail(
    r,
    "truncated",
    tagPos,
    `the ${container(r)} ends inside ${what}${name === undefined ? "" : ` of field ${name}`} ` +
      "(the data was cut short or a length prefix is wrong)",
    name,
    index,
  );
}

function failVarint(r: Reader, name: string | undefined, index: number, start: number): never {
  return fail(
    r,
    "invalid_varint",
    start,
    `the varint at byte ${start} is longer than 10 bytes or overflows 64 bits`,
    name,
    index,
  );
}

export function failTag(r: Reader, tagPos: number, no: number, wt: number): never {
  const why = no === 0 ? "field number 0 is reserved" : `wire type ${wt} does not exist`;
  return fail(
    r,
    "invalid_tag",
    tagPos,
    `tag with field number ${no} and wire type ${wt}: ${why}`,
    undefined,
    -1,
  );
}

/** An end-group tag in a message that is not a group (generated codecs decode no known groups). */
export function failEndGroup(r: Reader, tagPos: number, no: number): never {
  return fail(
    r,
    "invalid_end_group",
    tagPos,
    `end-group tag for field ${no} without a matching start-group tag`,
    undefined,
    -1,
  );
}

/**
 * A known field sent with a wire type its declared type cannot have. `inPath` false: the key or
 * value field of a map entry, whose place the path already names (the map, and for a value the
 * key read so far).
 */
export function failMismatch(
  r: Reader,
  tagPos: number,
  name: string,
  index: number,
  label: string,
  no: number,
  expected: number,
  wt: number,
  inPath: boolean,
): never {
  const message =
    `field ${name} (${label}, number ${no}) must use wire type ${expected} ` +
    `(${WIRE_NAMES[expected]}), but its tag has wire type ${wt} (${WIRE_NAMES[wt]}); ` +
    "the bytes are corrupt or were written for a different schema";
  return inPath
    ? fail(r, "wire_type_mismatch", tagPos, message, name, index)
    : fail(r, "wire_type_mismatch", tagPos, message, undefined, -1);
}

/** A closed-enum number the schema does not declare (`at`: where its varint starts). */
export function failEnum(
  r: Reader,
  at: number,
  value: number,
  name: string | undefined,
  index: number,
  label: string,
  declared: string,
): never {
  return fail(
    r,
    "unknown_enum_value",
    at,
    `${value} is not a value of ${label} (declared: ${declared}); decode with ` +
      "{ strict: false } to keep unknown values as unknown fields",
    name,
    index,
  );
}

/**
 * A nested message (or map entry) at `tagPos` would be one level deeper than allowed. Past
 * STACK_SAFE_DEPTH but within maxDepth the generated read gives up instead (TOO_DEEP).
 */
export function failDepth(
  r: Reader,
  tagPos: number,
  name: string | undefined,
  index: number,
): never {
  if (r.depthLimit < r.maxDepth) throw TOO_DEEP;
  return fail(
    r,
    "max_depth_exceeded",
    tagPos,
    `messages nest deeper than maxDepth (${r.maxDepth}); raise maxDepth if such input is expected`,
    name,
    index,
  );
}

function failGroupDepth(r: Reader, tagPos: number): never {
  return fail(
    r,
    "max_depth_exceeded",
    tagPos,
    `groups nest deeper than maxDepth (${r.maxDepth}); raise maxDepth if such input is expected`,
    undefined,
    -1,
  );
}

/** The path segment of a map value: the key read so far in its entry, as the reflective reader names it. */
export function keySegment(key: unknown): string {
  return key === undefined ? "(value)" : String(key);
}

/** Quote a value for a message (re-exported for generated code). */
export { quote };
