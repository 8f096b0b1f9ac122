// The decode half of the runtime that generated codecs (gen/**/*_codec.ts) call: one shared
// reader state, the slow paths of varints, tags and lengths (the one-byte forms are inlined by
// the generator), strings, bytes, fixed-width values, unknown fields, and every failure.
//
// Semantics are those of the reflective strict decode in src/codec (strict-scan.ts): the first
// problem in byte order wins, with the same code, path and offset. Paths are kept as a stack the
// generated code pushes to when it enters a nested message, so the happy path never rebuilds
// one; a map key is only read back from the bytes when an error inside its entry needs it.
//
// Unknown groups are skipped with an explicit stack, never recursion, so no nesting depth can
// overflow the JS stack; known nested messages recurse through generated functions, bounded by
// maxDepth and by STACK_SAFE_DEPTH whatever maxDepth the caller sets.
import { protoInt64 } from "@bufbuild/protobuf";
import { DecodeError, type Issue, type IssuePath, quote } from "../../../problems/index.js";
import { decodeUtf8, firstInvalidUtf8 } from "./utf8.js";

/** Known messages nested deeper than this are refused even when maxDepth allows more. */
export const STACK_SAFE_DEPTH = 500;

const WIRE_NAMES = ["varint", "64-bit", "length-delimited", "start-group", "end-group", "32-bit"];

/** A map key in an error path, read back from the entry's bytes only when an error needs it. */
export class MapKeyAt {
  constructor(
    readonly tagPos: number,
    readonly stringKey: boolean,
  ) {}
}

export type PathSegment = string | number | MapKeyAt;

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
  /** The root message type, for error headlines. */
  typeName = "";
  /** Field names, indexes and map keys from the root to the message being read. */
  readonly path: PathSegment[] = [];
  /**
   * The first required field missing inside a singular message field (or map value): protobuf
   * merges repeated occurrences, so the verdict waits for the whole message.
   */
  deferred: Issue | undefined = undefined;
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

/** The 64-bit value of the varint just read (low bits `lo`, high bits in r.hi). */
export function int64(r: Reader, lo: number): bigint {
  return protoInt64.dec(lo, r.hi) as bigint;
}

export function uint64(r: Reader, lo: number): bigint {
  return protoInt64.uDec(lo, r.hi) as bigint;
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
  if (len <= 128) {
    // ASCII (IDs, names, roles, most commands): one fromCharCode over the codes, without a
    // TextDecoder call (measured about twice as fast as appending character by character).
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

/** The end of a packed run; fixed-width runs (`width` 4 or 8) must hold whole elements. */
export function packedEnd(
  r: Reader,
  end: number,
  tagPos: number,
  name: string,
  index: number,
  width: number,
  label: string,
): number {
  const len = length(r, end, tagPos, name, index);
  if (width > 0 && len % width !== 0) {
    fail(
      r,
      "truncated",
      tagPos,
      `packed field ${name} (${label}) has ${len} bytes, not a multiple of ${width}`,
      name,
      index,
    );
  }
  return r.pos + len;
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

/** Skip a group with an explicit stack of open groups: no recursion, whatever the nesting. */
function skipGroup(r: Reader, no: number, startTag: number, end: number, depth: number): void {
  const open: number[] = []; // pairs: field number, start-tag offset of each enclosing group
  let groupNo = no;
  let groupTag = startTag;
  let level = depth;
  if (level > r.maxDepth) failGroupDepth(r, groupTag);
  const buf = r.buf;
  for (;;) {
    if (r.pos >= end) {
      fail(
        r,
        "truncated",
        groupTag,
        `the group of field ${groupNo} starting at byte ${groupTag} has no end-group tag`,
        undefined,
        -1,
      );
    }
    const tagPos = r.pos;
    let tag = buf[r.pos++] as number;
    if (tag > 0x7f) tag = readTag(r, tag, end, tagPos);
    const n = tag >>> 3;
    const w = tag & 7;
    if (w === 4) {
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
      groupTag = open.pop() as number;
      groupNo = open.pop() as number;
      level--;
      continue;
    }
    if (n === 0 || w > 5) failTag(r, tagPos, n, w);
    if (w === 3) {
      open.push(groupNo, groupTag);
      groupNo = n;
      groupTag = tagPos;
      level++;
      if (level > r.maxDepth) failGroupDepth(r, groupTag);
      continue;
    }
    skip(r, n, w, tagPos, end, level);
  }
}

/**
 * The rest of a tag whose first byte (before r.pos) had the continuation bit. Tags must fit in
 * 32 bits, as protobuf-es requires. Returns the tag as an unsigned number.
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
  const b = buf[pos++] as number;
  if (b > 0x0f) {
    fail(
      r,
      "invalid_tag",
      tagPos,
      "tag varint is longer than 5 bytes or its field number exceeds 536870911 (2^29 - 1)",
      undefined,
      -1,
    );
  }
  r.pos = pos;
  return (tag | (b << 28)) >>> 0;
}

// ---- failures -----------------------------------------------------------------------------

/** The path of an error: the reader's stack, then the field (and its index) when given. */
function pathOf(r: Reader, name: string | undefined, index: number): IssuePath {
  const path: IssuePath = [];
  for (const seg of r.path) path.push(seg instanceof MapKeyAt ? mapKeyAt(r.buf, seg) : seg);
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

/** A known field sent with a wire type its declared type cannot have. */
export function failMismatch(
  r: Reader,
  tagPos: number,
  name: string,
  index: number | MapKeyAt,
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
  if (!inPath) {
    // A key or value field of a map entry: the map's segment (name and key) names the place.
    throw decodeError(r, issue("wire_type_mismatch", tagPos, message, pathOf(r, undefined, -1)));
  }
  if (index instanceof MapKeyAt) {
    const path = pathOf(r, name, -1);
    path.push(mapKeyAt(r.buf, index));
    throw decodeError(r, issue("wire_type_mismatch", tagPos, message, path));
  }
  return fail(r, "wire_type_mismatch", tagPos, message, name, index);
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

/** A nested message at `tagPos` would be one level deeper than allowed. */
export function failDepth(
  r: Reader,
  tagPos: number,
  name: string | undefined,
  index: number,
): never {
  const message =
    r.depthLimit < r.maxDepth
      ? `messages nest deeper than ${r.depthLimit} levels, more than this decoder can follow ` +
        "safely (maxDepth is higher)"
      : `messages nest deeper than maxDepth (${r.maxDepth}); raise maxDepth if such input is expected`;
  return fail(r, "max_depth_exceeded", tagPos, message, name, index);
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

/**
 * Required field `name` was not seen in the message that ends at `endPos`. `final`: the message
 * is the root or an element of a repeated field, which no later occurrence can complete; else
 * the verdict is deferred to the merged message.
 */
export function missing(
  r: Reader,
  typeName: string,
  name: string,
  label: string,
  endPos: number,
  final: boolean,
): void {
  const path = pathOf(r, name, -1);
  const found = issue(
    "required_field_missing",
    endPos,
    `required field ${name} (${label}) of ${typeName} is not set; set it in the sender, or ` +
      "decode with { strict: false } to accept partial messages",
    path,
  );
  if (final) throw decodeError(r, found);
  r.deferred ??= found;
}

/** The key of the map entry whose tag is at `at.tagPos` (error paths only; best effort). */
function mapKeyAt(buf: Uint8Array, at: MapKeyAt): string | number {
  let pos = at.tagPos;
  const next = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = buf[pos++] as number;
      value += (b & 0x7f) * scale;
      if (b < 0x80 || pos >= buf.length) return value;
      scale *= 128;
    }
  };
  next();
  const len = next();
  const end = Math.min(pos + len, buf.length);
  let key: string | number = at.stringKey ? "" : 0;
  while (pos < end) {
    const tag = next();
    const wt = tag % 8;
    if (wt === 2) {
      const n = next();
      if (tag === 0x0a && at.stringKey) {
        key = new TextDecoder().decode(buf.subarray(pos, Math.min(pos + n, end)));
      }
      pos += n;
    } else if (wt === 0) {
      const v = next();
      if (tag === 0x08) key = v;
    } else {
      pos += wt === 1 ? 8 : 4;
    }
  }
  return key;
}

/** Quote a value for a message (re-exported for generated code). */
export { quote };
