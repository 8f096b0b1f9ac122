// The strict pre-pass over protobuf binary. One walk over the bytes, driven by the precomputed
// wire plan, checks everything protobuf-es's fromBinary lets through or misreads (toolchain.md
// §1.3–1.6): wire types of known fields, bounds of every length and nested message, tags,
// varints, groups, UTF-8 of string fields, closed-enum values (singular, repeated, packed),
// required fields (a bitmask per message) and nesting depth. It builds nothing: when it passes,
// decode hands the bytes to fromBinary once.
//
// Speed: the position lives in a local of scanMessage and one-byte tags, varints and lengths
// (nearly all of them in Mesos messages) are handled inline; the helpers for longer forms leave
// the new position in the shared state. Field paths for error messages are rebuilt only when
// something fails, from a small stack of frames, so the happy path allocates nothing. Measured on
// the canonical Docker TaskInfo: the scan costs about 15 % of protobuf-es's fromBinary.
import { DecodeError, type DecodeErrorCode, type FieldPath } from "./errors.js";
import { firstInvalidUtf8 } from "./utf8.js";
import {
  type FieldPlan,
  KIND_BYTES,
  KIND_ENUM,
  KIND_GROUP,
  KIND_I32,
  KIND_I64,
  KIND_MAP,
  KIND_MESSAGE,
  KIND_STRING,
  KIND_VARINT,
  lookupField,
  type MessagePlan,
  WIRE_END_GROUP,
  WIRE_I32,
  WIRE_I64,
  WIRE_LEN,
  WIRE_START_GROUP,
  WIRE_VARINT,
} from "./wire-plan.js";

/** Check wire types of known fields, closed-enum values and UTF-8 of strings. */
export const CHECK_TYPES = 1;
/** Check that every required field is present. */
export const CHECK_REQUIRED = 2;
/** Everything: what `decode` does by default. */
export const CHECK_ALL = CHECK_TYPES | CHECK_REQUIRED;
/**
 * Structure only (tags, varints, lengths, groups, depth). A known field with an unexpected wire
 * type is then skipped like an unknown field — what Go and C++ do — and enums and UTF-8 are not
 * looked at. Used to locate the error when non-strict decoding fails.
 */
export const CHECK_STRUCTURE = 0;

const WIRE_NAMES = ["varint", "64-bit", "length-delimited", "start-group", "end-group", "32-bit"];

/** Everything one scan shares between its functions. */
interface ScanState {
  buf: Uint8Array;
  /** The position after a helper that reads a varint or skips a value. */
  pos: number;
  /** The low 32 bits (as int32) of the varint readVarint read last. */
  int32: number;
  maxDepth: number;
  checks: number;
  /**
   * Values protobuf-es will return as views into the input: bytes values and unknown fields
   * (each unknown field of a message, a whole group included, is one record). Upper bounds:
   * a repeated singular field or map key leaves fewer values than occurrences.
   */
  bytesValues: number;
  unknownFields: number;
  /** The first missing required field in a message that a later occurrence may complete. */
  deferred: DecodeError | undefined;
  /** Frame index of the message being scanned (1 = root); map entries get frames too. */
  level: number;
  readonly framePlan: MessagePlan[];
  readonly frameStart: number[];
  /** The field (and its tag offset) through which frame `l` entered frame `l + 1`. */
  readonly frameField: FieldPlan[];
  readonly frameTag: number[];
}

const EMPTY = new Uint8Array(0);
// One state object, reused: a scan is synchronous and calls no user code.
const state: ScanState = {
  buf: EMPTY,
  pos: 0,
  int32: 0,
  maxDepth: 100,
  checks: CHECK_ALL,
  bytesValues: 0,
  unknownFields: 0,
  deferred: undefined,
  level: 0,
  framePlan: [],
  frameStart: [],
  frameField: [],
  frameTag: [],
};

/**
 * Scan `bytes` as a message of `plan`. Throws DecodeError on the first problem. Returns how many
 * values of the decoded message (at most) will share memory with `bytes`: bytes values and
 * unknown fields, the latter counted by `scannedUnknownFields()`; 0 when none will.
 * A missing required field inside a singular message field is not thrown but kept for
 * `takeDeferredRequired()`: the caller decides it on the decoded (merged) message.
 */
export function scanBinary(
  plan: MessagePlan,
  bytes: Uint8Array,
  depthLimit: number,
  checkFlags: number,
): number {
  const st = state;
  st.buf = bytes;
  st.pos = 0;
  st.maxDepth = depthLimit;
  st.checks = checkFlags;
  st.bytesValues = 0;
  st.unknownFields = 0;
  st.deferred = undefined;
  st.level = 0;
  try {
    if (depthLimit < 1) {
      fail(st, "max_depth_exceeded", 0, `maxDepth is ${depthLimit}`, undefined, 0);
    }
    scanMessage(st, plan, 0, bytes.length, 1, 0);
    return st.bytesValues + st.unknownFields;
  } finally {
    st.buf = EMPTY; // do not keep the caller's buffer alive
  }
}

/** How many unknown fields the last scan skipped (see scanBinary). */
export function scannedUnknownFields(): number {
  return state.unknownFields;
}

/** The deferred missing-required error of the last scan, if any (see scanBinary). */
export function takeDeferredRequired(): DecodeError | undefined {
  const error = state.deferred;
  state.deferred = undefined;
  return error;
}

/** Scan one message body from `start`; returns the position after it (after the end-group tag). */
function scanMessage(
  st: ScanState,
  plan: MessagePlan,
  start: number,
  end: number,
  depth: number,
  groupNo: number,
): number {
  const buf = st.buf;
  const lvl = ++st.level;
  st.framePlan[lvl] = plan;
  st.frameStart[lvl] = start;
  const checkTypes = (st.checks & CHECK_TYPES) !== 0;
  const byNumber = plan.byNumber;
  const dense = byNumber.length;
  let seen = 0;
  const seenWide = plan.wideRequired ? new Uint8Array(plan.required.length) : undefined;
  let pos = start;
  while (pos < end) {
    const tagPos = pos;
    let tag = buf[pos++] as number;
    if (tag > 0x7f) {
      tag = readTagRest(st, tag, pos, end, tagPos);
      pos = st.pos;
    }
    const no = tag >>> 3;
    const wt = tag & 7;
    const fp = no < dense ? byNumber[no] : lookupField(plan, no);
    if (fp === undefined || wt !== fp.wireType) {
      if (wt === WIRE_END_GROUP) {
        if (no === groupNo && no !== 0) {
          finishMessage(st, plan, seen, seenWide, tagPos);
          return pos;
        }
        fail(
          st,
          "invalid_end_group",
          tagPos,
          groupNo === 0
            ? `end-group tag for field ${no} without a matching start-group tag`
            : `end-group tag for field ${no} inside the group of field ${groupNo}`,
          undefined,
          tagPos,
        );
      }
      if (no === 0 || wt > 5) failTag(st, tagPos, no, wt);
      if (fp !== undefined && wt === WIRE_LEN && fp.packable) {
        pos = scanPacked(st, fp, pos, end, tagPos);
        continue;
      }
      if (fp !== undefined && checkTypes) {
        fail(
          st,
          "wire_type_mismatch",
          tagPos,
          `field ${fp.name} (${fp.typeLabel}, number ${no}) must use wire type ${fp.wireType} ` +
            `(${WIRE_NAMES[fp.wireType]}), but its tag has wire type ${wt} (${WIRE_NAMES[wt]}); ` +
            "the bytes are corrupt or were written for a different schema",
          fp,
          tagPos,
        );
      }
      st.unknownFields++; // protobuf-es keeps it as a view into the input
      pos = skipField(st, wt, no, pos, end, depth, tagPos);
      continue;
    }
    let len = 0;
    if (wt === WIRE_LEN) {
      // Length prefixes are nearly always one byte: read those inline.
      const lenPos = pos;
      len = buf[pos] as number;
      if (pos < end && len < 0x80) {
        pos++;
      } else {
        len = readVarint(st, pos, end, fp, tagPos, "a length prefix");
        pos = st.pos;
      }
      if (len > end - pos) failLength(st, fp, tagPos, lenPos, len, end - pos);
    }
    switch (fp.kind) {
      case KIND_VARINT:
        if (pos < end && (buf[pos] as number) < 0x80) pos++;
        else {
          readVarint(st, pos, end, fp, tagPos, "a varint");
          pos = st.pos;
        }
        break;
      case KIND_ENUM: {
        const at = pos;
        let value = buf[pos] as number;
        if (pos < end && value < 0x80) {
          pos++;
        } else {
          readVarint(st, pos, end, fp, tagPos, "a varint");
          value = st.int32;
          pos = st.pos;
        }
        if (checkTypes && !isDeclared(fp, value)) failEnum(st, fp, value, at, tagPos, -1);
        break;
      }
      case KIND_I64:
        if (end - pos < 8) failTruncated(st, fp, tagPos, "a 64-bit value");
        pos += 8;
        break;
      case KIND_I32:
        if (end - pos < 4) failTruncated(st, fp, tagPos, "a 32-bit value");
        pos += 4;
        break;
      case KIND_STRING:
        if (checkTypes) {
          // ASCII fast path inline; the full UTF-8 check from the first non-ASCII byte on.
          const stop = pos + len;
          let i = pos;
          while (i < stop && (buf[i] as number) < 0x80) i++;
          if (i < stop) {
            const bad = firstInvalidUtf8(buf, i, stop);
            if (bad >= 0) failUtf8(st, fp, bad, tagPos);
          }
        }
        pos += len;
        break;
      case KIND_BYTES:
        pos += len;
        st.bytesValues++;
        break;
      case KIND_MESSAGE:
        if (depth >= st.maxDepth) failDepth(st, fp, tagPos);
        st.frameField[lvl] = fp;
        st.frameTag[lvl] = tagPos;
        pos = scanMessage(st, fp.message, pos, pos + len, depth + 1, 0);
        break;
      case KIND_GROUP:
        if (depth >= st.maxDepth) failDepth(st, fp, tagPos);
        st.frameField[lvl] = fp;
        st.frameTag[lvl] = tagPos;
        pos = scanMessage(st, fp.message, pos, end, depth + 1, no);
        break;
      case KIND_MAP:
        // Like protobuf-es, a map entry is not a nesting level of its own; its value message is.
        st.frameField[lvl] = fp;
        st.frameTag[lvl] = tagPos;
        pos = scanMessage(st, fp.message, pos, pos + len, depth, 0);
        break;
    }
    const r = fp.requiredIndex;
    if (r >= 0) {
      if (seenWide === undefined) seen |= 1 << r;
      else seenWide[r] = 1;
    }
  }
  if (groupNo !== 0) {
    fail(
      st,
      "truncated",
      pos,
      `the group of field ${groupNo} has no end-group tag before the end of its enclosing data`,
      undefined,
      pos,
    );
  }
  finishMessage(st, plan, seen, seenWide, pos);
  return pos;
}

function isDeclared(fp: FieldPlan, value: number): boolean {
  const table = fp.enumTable;
  return value >= 0 && value < table.length ? table[value] === 1 : fp.enumOther.has(value);
}

function finishMessage(
  st: ScanState,
  plan: MessagePlan,
  seen: number,
  seenWide: Uint8Array | undefined,
  endPos: number,
): void {
  if (
    (st.checks & CHECK_REQUIRED) !== 0 &&
    (seenWide !== undefined || seen !== plan.requiredMask)
  ) {
    for (const r of plan.required) {
      const i = r.requiredIndex;
      const present = seenWide === undefined ? (seen >>> i) & 1 : seenWide[i];
      if (present !== 1) {
        const path = pathTo(st, undefined, 0, -1);
        path.push(r.name);
        const error = new DecodeError(
          "required_field_missing",
          `required field ${r.name} (${r.typeLabel}) of ${plan.typeName} is not set; ` +
            "set it in the sender, or decode with { strict: false } to accept partial messages",
          path,
          endPos,
        );
        // A singular message field (or map value) may occur again later: protobuf merges the
        // occurrences (a map keeps the last), so only the decoded message can tell. Elements of
        // repeated fields and the root are never merged: their verdict is final.
        const entering = st.level > 1 ? (st.frameField[st.level - 1] as FieldPlan) : undefined;
        if (entering === undefined || (entering.repeated && !entering.isMap)) throw error;
        st.deferred ??= error;
        break;
      }
    }
  }
  st.level--;
}

function failDepth(st: ScanState, fp: FieldPlan, tagPos: number): never {
  return fail(
    st,
    "max_depth_exceeded",
    tagPos,
    `messages nest deeper than maxDepth (${st.maxDepth}); raise maxDepth if such input is expected`,
    fp,
    tagPos,
  );
}

function scanPacked(
  st: ScanState,
  fp: FieldPlan,
  start: number,
  end: number,
  tagPos: number,
): number {
  const len = readLength(st, start, end, fp, tagPos);
  let pos = st.pos;
  const runEnd = pos + len;
  switch (fp.kind) {
    case KIND_VARINT:
      while (pos < runEnd) {
        readVarint(st, pos, runEnd, fp, tagPos, "a varint");
        pos = st.pos;
      }
      break;
    case KIND_ENUM:
      while (pos < runEnd) {
        readVarint(st, pos, runEnd, fp, tagPos, "a varint");
        const value = st.int32;
        if ((st.checks & CHECK_TYPES) !== 0 && !isDeclared(fp, value)) {
          failEnum(st, fp, value, pos, tagPos, pos);
        }
        pos = st.pos;
      }
      break;
    default: {
      const width = fp.kind === KIND_I64 ? 8 : 4;
      if (len % width !== 0) {
        fail(
          st,
          "truncated",
          tagPos,
          `packed field ${fp.name} (${fp.typeLabel}) has ${len} bytes, not a multiple of ${width}`,
          fp,
          tagPos,
        );
      }
      pos = runEnd;
    }
  }
  return pos;
}

/** Skip an unknown field (or, in structure-only mode, a mistyped one); returns the new position. */
function skipField(
  st: ScanState,
  wt: number,
  no: number,
  pos: number,
  end: number,
  depth: number,
  tagPos: number,
): number {
  switch (wt) {
    case WIRE_VARINT:
      readVarint(st, pos, end, undefined, tagPos, "a varint");
      return st.pos;
    case WIRE_I64:
      if (end - pos < 8) failTruncated(st, undefined, tagPos, "a 64-bit value");
      return pos + 8;
    case WIRE_I32:
      if (end - pos < 4) failTruncated(st, undefined, tagPos, "a 32-bit value");
      return pos + 4;
    case WIRE_LEN: {
      const len = readLength(st, pos, end, undefined, tagPos); // sets st.pos: read it afterwards
      return st.pos + len;
    }
    default:
      return skipGroup(st, no, pos, end, depth + 1, tagPos);
  }
}

function skipGroup(
  st: ScanState,
  no: number,
  start: number,
  end: number,
  depth: number,
  startTag: number,
): number {
  if (depth > st.maxDepth) {
    fail(
      st,
      "max_depth_exceeded",
      startTag,
      `groups nest deeper than maxDepth (${st.maxDepth}); raise maxDepth if such input is expected`,
      undefined,
      startTag,
    );
  }
  let pos = start;
  for (;;) {
    if (pos >= end) {
      fail(
        st,
        "truncated",
        startTag,
        `the group of field ${no} starting at byte ${startTag} has no end-group tag`,
        undefined,
        startTag,
      );
    }
    const tagPos = pos;
    let tag = st.buf[pos++] as number;
    if (tag > 0x7f) {
      tag = readTagRest(st, tag, pos, end, tagPos);
      pos = st.pos;
    }
    const n = tag >>> 3;
    const wt = tag & 7;
    if (wt === WIRE_END_GROUP) {
      if (n === no) return pos;
      fail(
        st,
        "invalid_end_group",
        tagPos,
        `end-group tag for field ${n} closes the group of field ${no}`,
        undefined,
        tagPos,
      );
    }
    if (n === 0 || wt > 5) failTag(st, tagPos, n, wt);
    pos = skipField(st, wt, n, pos, end, depth, tagPos);
  }
}

/**
 * The rest of a tag whose first byte (already read; `start` is after it) had the continuation
 * bit. Tags must fit in 32 bits, as protobuf-es requires. Leaves the position in `st.pos`.
 */
function readTagRest(
  st: ScanState,
  first: number,
  start: number,
  end: number,
  tagPos: number,
): number {
  const buf = st.buf;
  let pos = start;
  let tag = first & 0x7f;
  for (let shift = 7; shift < 28; shift += 7) {
    if (pos >= end) failTruncated(st, undefined, tagPos, "a tag");
    const b = buf[pos++] as number;
    tag |= (b & 0x7f) << shift;
    if (b < 0x80) {
      st.pos = pos;
      return tag;
    }
  }
  if (pos >= end) failTruncated(st, undefined, tagPos, "a tag");
  const b = buf[pos++] as number;
  if (b > 0x0f) {
    fail(
      st,
      "invalid_tag",
      tagPos,
      "tag varint is longer than 5 bytes or its field number exceeds 536870911 (2^29 - 1)",
      undefined,
      0,
    );
  }
  st.pos = pos;
  return (tag | (b << 28)) >>> 0;
}

/**
 * Read a varint: returns its value as a JS number (exact up to 2^53, all a length can be), leaves
 * its low 32 bits as a signed int32 (how enum values are read) in `st.int32` and the position
 * after it in `st.pos`. At most 10 bytes, the 10th at most 1 (64 bits), as Go requires.
 */
function readVarint(
  st: ScanState,
  start: number,
  end: number,
  fp: FieldPlan | undefined,
  tagPos: number,
  what: string,
): number {
  const buf = st.buf;
  let pos = start;
  let value = 0;
  let scale = 1;
  let low = 0;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) failTruncated(st, fp, tagPos, what);
    const b = buf[pos++] as number;
    value += (b & 0x7f) * scale;
    if (i < 5) low |= (b & 0x7f) << (7 * i);
    if (b < 0x80) {
      if (i === 9 && b > 1) failVarint(st, fp, tagPos, start);
      st.pos = pos;
      st.int32 = low | 0;
      return value;
    }
    scale *= 128;
  }
  return failVarint(st, fp, tagPos, start);
}

/** A length-delimited payload (or packed run) and its bounds check. Leaves its start in st.pos. */
function readLength(
  st: ScanState,
  start: number,
  end: number,
  fp: FieldPlan | undefined,
  tagPos: number,
): number {
  const len = readVarint(st, start, end, fp, tagPos, "a length prefix");
  if (len > end - st.pos) failLength(st, fp, tagPos, start, len, end - st.pos);
  return len;
}

// ---- failures ------------------------------------------------------------------------------

function failTruncated(
  st: ScanState,
  fp: FieldPlan | undefined,
  tagPos: number,
  what: string,
): never {
  return fail(
    st,
    "truncated",
    tagPos,
    `the ${st.level === 1 ? "input" : "enclosing message"} ends inside ${what}` +
      `${fp === undefined ? "" : ` of field ${fp.name}`} (the data was cut short or a length prefix is wrong)`,
    fp,
    tagPos,
  );
}

function failLength(
  st: ScanState,
  fp: FieldPlan | undefined,
  tagPos: number,
  lenPos: number,
  len: number,
  left: number,
): never {
  return fail(
    st,
    "truncated",
    tagPos,
    `length prefix ${len} at byte ${lenPos} runs past the end of the ` +
      `${st.level === 1 ? "input" : "enclosing message"} (${left} bytes left)`,
    fp,
    tagPos,
  );
}

function failTag(st: ScanState, tagPos: number, no: number, wt: number): never {
  const why = no === 0 ? "field number 0 is reserved" : `wire type ${wt} does not exist`;
  return fail(
    st,
    "invalid_tag",
    tagPos,
    `tag with field number ${no} and wire type ${wt}: ${why}`,
    undefined,
    0,
  );
}

function failVarint(
  st: ScanState,
  fp: FieldPlan | undefined,
  tagPos: number,
  start: number,
): never {
  return fail(
    st,
    "invalid_varint",
    start,
    `the varint at byte ${start} is longer than 10 bytes or overflows 64 bits`,
    fp,
    tagPos,
  );
}

function failUtf8(st: ScanState, fp: FieldPlan, bad: number, tagPos: number): never {
  const byte = (st.buf[bad] as number).toString(16).padStart(2, "0");
  return fail(
    st,
    "invalid_utf8",
    bad,
    `string field ${fp.name} holds invalid UTF-8 (byte 0x${byte} at offset ${bad}); ` +
      "binary data belongs in a bytes field",
    fp,
    tagPos,
  );
}

function failEnum(
  st: ScanState,
  fp: FieldPlan,
  value: number,
  at: number,
  tagPos: number,
  elementAt: number,
): never {
  const declared = (fp.enumDesc?.values ?? []).map((v) => `${v.name} = ${v.number}`).join(", ");
  return fail(
    st,
    "unknown_enum_value",
    at,
    `${value} is not a value of ${fp.typeLabel} (declared: ${declared}); decode with ` +
      "{ strict: false } to keep unknown values as unknown fields",
    fp,
    tagPos,
    elementAt,
  );
}

function fail(
  st: ScanState,
  code: DecodeErrorCode,
  offset: number,
  detail: string,
  fp: FieldPlan | undefined,
  tagPos: number,
  elementAt = -1,
): never {
  throw new DecodeError(code, detail, pathTo(st, fp, tagPos, elementAt), offset);
}

// ---- error path only: rebuild the field path from the frames ----------------------------------

function pathTo(
  st: ScanState,
  fp: FieldPlan | undefined,
  tagPos: number,
  elementAt: number,
): FieldPath {
  const path: FieldPath = [];
  for (let l = 1; l < st.level; l++) {
    appendSegment(st, path, l, st.frameField[l] as FieldPlan, st.frameTag[l] as number, -1);
  }
  if (fp !== undefined && st.level >= 1) appendSegment(st, path, st.level, fp, tagPos, elementAt);
  return path;
}

function appendSegment(
  st: ScanState,
  path: FieldPath,
  l: number,
  fp: FieldPlan,
  tagPos: number,
  elementAt: number,
): void {
  // Inside a map entry the map field's segment (name and key) already names the location.
  if ((st.framePlan[l] as MessagePlan).isMapEntry) return;
  path.push(fp.name);
  if (fp.isMap) {
    path.push(mapKeyAt(st.buf, fp, tagPos));
  } else if (fp.repeated) {
    path.push(elementIndex(st.buf, fp, st.frameStart[l] as number, tagPos, elementAt));
  }
}

/** Reads varints from bytes already known to be well-formed (error path only). */
class LooseReader {
  constructor(
    readonly buf: Uint8Array,
    public pos: number,
  ) {}

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.pos++] as number;
      value += (b & 0x7f) * scale;
      if (b < 0x80 || this.pos >= this.buf.length) return value;
      scale *= 128;
    }
  }
}

/** How many elements of repeated field `fp` precede the one at `tagPos` (and `elementAt`). */
function elementIndex(
  buf: Uint8Array,
  fp: FieldPlan,
  msgStart: number,
  tagPos: number,
  elementAt: number,
): number {
  const r = new LooseReader(buf, msgStart);
  let count = 0;
  let groups = 0;
  while (r.pos < tagPos) {
    const tag = r.varint();
    const no = Math.floor(tag / 8);
    const wt = tag % 8;
    if (wt === WIRE_LEN) {
      const len = r.varint();
      if (groups === 0 && no === fp.number) {
        count += fp.packable ? countPacked(buf, fp, r.pos, r.pos + len) : 1;
      }
      r.pos += len;
    } else {
      if (groups === 0 && no === fp.number && wt !== WIRE_END_GROUP) count++;
      if (wt === WIRE_START_GROUP) groups++;
      else if (wt === WIRE_END_GROUP) groups--;
      else if (wt === WIRE_VARINT) r.varint();
      else r.pos += wt === WIRE_I64 ? 8 : 4;
    }
  }
  if (elementAt >= 0) {
    r.pos = tagPos;
    r.varint();
    r.varint();
    count += countPacked(buf, fp, r.pos, elementAt);
  }
  return count;
}

function countPacked(buf: Uint8Array, fp: FieldPlan, start: number, end: number): number {
  if (fp.wireType === WIRE_I64) return Math.floor((end - start) / 8);
  if (fp.wireType === WIRE_I32) return Math.floor((end - start) / 4);
  let n = 0;
  for (let i = start; i < end; i++) if ((buf[i] as number) < 0x80) n++;
  return n;
}

/** The key of the map entry whose tag is at `tagPos`, for error paths (best effort). */
function mapKeyAt(buf: Uint8Array, fp: FieldPlan, tagPos: number): string | number {
  const r = new LooseReader(buf, tagPos);
  r.varint();
  const len = r.varint();
  const end = Math.min(r.pos + len, buf.length);
  const keyPlan = fp.message.byNumber[1] as FieldPlan;
  let key: string | number = keyPlan.kind === KIND_STRING ? "" : 0;
  while (r.pos < end) {
    const tag = r.varint();
    const wt = tag % 8;
    if (wt === WIRE_LEN) {
      const n = r.varint();
      if (tag === 0x0a && keyPlan.kind === KIND_STRING) {
        key = new TextDecoder().decode(buf.subarray(r.pos, Math.min(r.pos + n, end)));
      }
      r.pos += n;
    } else if (wt === WIRE_VARINT) {
      const v = r.varint();
      if (tag === 0x08) key = v;
    } else {
      r.pos += wt === WIRE_I64 ? 8 : 4;
    }
  }
  return key;
}
