// Strict protobuf binary → message in one pass, without recursion: nested messages, groups and
// map entries are frames on an explicit chain, so no nesting depth can exhaust the JS stack and
// every depth beyond maxDepth is a typed `max_depth_exceeded`.
//
// Why not protobuf-es fromBinary: it reads invalid UTF-8 as U+FFFD, misreads a field sent with
// another wire type, keeps unknown closed-enum numbers in repeated fields, recurses (a deep
// unknown group overflows the stack) and returns views into the input; its errors carry no path
// or offset. The message it builds is the same shape as here (own properties, `$unknown`
// entries `{ no, wireType, data }` with `data` everything after the tag), so encode/toBinary
// writes unknown fields back byte-identically.
//
// Required fields are not judged here: a message field may occur twice and protobuf merges the
// occurrences, so missing-required.ts judges the finished message.
import {
  create,
  type DescField,
  type DescMessage,
  type MessageShape,
  protoInt64,
  ScalarType,
} from "@bufbuild/protobuf";
import { isWrapperDesc } from "@bufbuild/protobuf/wkt";
import type { IssueCode, IssuePath } from "../problems/index.js";
import { decodeError } from "./errors.js";
import type { Limits } from "./options.js";
import { firstInvalidUtf8 } from "./utf8.js";

type Obj = Record<string, unknown>;

interface Frame {
  /** The message being filled; undefined for a map entry. */
  readonly desc: DescMessage | undefined;
  readonly msg: Obj;
  /** End of this frame's bytes (groups: their parent's end; the end tag closes them). */
  readonly end: number;
  /** Field number of the start-group tag for a group, else 0. */
  readonly group: number;
  /** Offset of the tag that opened this frame (the root: 0). */
  readonly start: number;
  readonly depth: number;
  readonly parent: Frame | undefined;
  /** Path segments from the parent to this frame. */
  readonly seg: readonly (string | number)[];
  /** Map entries: the map field and the key and value read so far. */
  readonly entry?: Entry;
  /** Runs when the frame ends (map entries: store; wrappers: unwrap). */
  readonly done?: () => void;
}

interface Entry {
  readonly field: DescField & { fieldKind: "map" };
  key: unknown;
  value: unknown;
}

class Reader {
  pos = 0;
  private readonly view: DataView;
  unknownCount = 0;
  /** Where each nested message last started (its tag), for required-field issues. */
  readonly starts = new WeakMap<object, number>();

  constructor(
    readonly buf: Uint8Array,
    readonly typeName: string,
    readonly limits: Limits,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  fail(
    code: IssueCode,
    frame: Frame | undefined,
    extra: (string | number)[],
    message: string,
    offset: number,
  ): never {
    throw decodeError(this.typeName, code, [...pathOf(frame), ...extra], message, offset);
  }

  /**
   * A varint as [low 32 bits, high 32 bits], within `limit`. A cut varint is reported at
   * `truncatedAt` (the field's tag) when given, an overlong one at its first byte.
   */
  varint(
    limit: number,
    frame: Frame,
    extra: (string | number)[] = [],
    truncatedAt?: number,
  ): [number, number] {
    const buf = this.buf;
    const start = this.pos;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= limit) {
        this.fail("truncated", frame, extra, "the data ends inside a varint", truncatedAt ?? start);
      }
      const b = buf[this.pos++] as number;
      if (i < 4) lo |= (b & 0x7f) << (7 * i);
      else if (i === 4) {
        lo |= (b & 0x0f) << 28;
        hi |= (b & 0x7f) >> 4;
      } else {
        if (i === 9 && b > 1) break;
        hi |= (b & 0x7f) << (7 * i - 32);
      }
      if (b < 0x80) return [lo >>> 0, hi >>> 0];
    }
    return this.fail(
      "invalid_varint",
      frame,
      extra,
      "a varint is longer than 10 bytes or overflows 64 bits",
      start,
    );
  }

  /** A length prefix whose payload fits before `limit`. */
  length(limit: number, frame: Frame, extra: (string | number)[], tagPos: number): number {
    const [lo, hi] = this.varint(limit, frame, extra, tagPos);
    if (hi !== 0 || lo > limit - this.pos) {
      this.fail(
        "truncated",
        frame,
        extra,
        `a length-delimited field declares ${hi === 0 ? lo : "more than 2^32"} bytes but only ${limit - this.pos} remain`,
        tagPos,
      );
    }
    return lo;
  }

  /** Fixed-width values: `size` bytes must remain. */
  need(
    size: number,
    limit: number,
    frame: Frame,
    extra: (string | number)[],
    tagPos: number,
  ): number {
    const at = this.pos;
    if (limit - at < size)
      this.fail("truncated", frame, extra, `the data ends inside a ${size}-byte value`, tagPos);
    this.pos += size;
    return at;
  }

  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  f32(at: number): number {
    return this.view.getFloat32(at, true);
  }
  f64(at: number): number {
    return this.view.getFloat64(at, true);
  }
}

const utf8 = new TextDecoder();

/**
 * Decode `bytes` (already size-checked) into a message of `desc`, with where each nested message
 * last started (for required-field issues); throws DecodeError.
 */
export function readBinary<Desc extends DescMessage>(
  desc: Desc,
  bytes: Uint8Array,
  limits: Limits,
): { message: MessageShape<Desc>; starts: WeakMap<object, number> } {
  const r = new Reader(bytes, desc.typeName, limits);
  const root = create(desc) as unknown as Obj;
  if (limits.maxDepth < 1) depthFail(r, undefined, 0);
  r.starts.set(root, 0);
  let frame: Frame = {
    desc,
    msg: root,
    end: bytes.length,
    group: 0,
    start: 0,
    depth: 1,
    parent: undefined,
    seg: [],
  };
  for (;;) {
    if (r.pos >= frame.end) {
      if (frame.group !== 0) {
        r.fail("truncated", frame, [], `the data ends inside group ${frame.group}`, frame.start);
      }
      frame.done?.();
      if (frame.parent === undefined) break;
      frame = frame.parent;
      continue;
    }
    const tagPos = r.pos;
    const [no, wt] = readTag(r, frame);
    if (wt === 4) {
      if (frame.group !== no) {
        r.fail(
          "invalid_end_group",
          frame,
          [],
          `an end-group tag for field ${no} without its start`,
          tagPos,
        );
      }
      frame.done?.();
      frame = frame.parent as Frame;
      continue;
    }
    if (frame.entry !== undefined) {
      const child = readEntryField(r, frame, frame.entry, no, wt, tagPos);
      if (child !== undefined) frame = child;
      continue;
    }
    const field = fieldByNumber(frame.desc as DescMessage, no);
    if (field === undefined) {
      keepUnknown(r, frame, no, wt, tagPos);
      continue;
    }
    const child = readField(r, frame, field, wt, tagPos);
    if (child !== undefined) frame = child;
  }
  return { message: root as MessageShape<Desc>, starts: r.starts };
}

function readTag(r: Reader, frame: Frame): [number, number] {
  const at = r.pos;
  const [lo, hi] = r.varint(frame.end, frame);
  const no = lo >>> 3;
  const wt = lo & 7;
  // A tag is a uint32 in at most 5 bytes (as protobuf-es reads it).
  if (hi !== 0 || r.pos - at > 5 || no === 0 || wt > 5) {
    r.fail(
      "invalid_tag",
      frame,
      [],
      hi !== 0 || r.pos - at > 5
        ? "a tag longer than 5 bytes or with a field number above 2^29 - 1"
        : no === 0
          ? "a tag with field number 0"
          : `a tag with wire type ${wt}`,
      at,
    );
  }
  return [no, wt];
}

/** One known field: a value stored, or a child frame to continue in. */
function readField(
  r: Reader,
  frame: Frame,
  field: DescField,
  wt: number,
  tagPos: number,
): Frame | undefined {
  const msg = frame.msg;
  switch (field.fieldKind) {
    case "scalar":
    case "enum": {
      expectWire(r, frame, field, wt, wireOf(field), tagPos);
      const value = readValue(r, frame, field, [field.name], tagPos);
      if (field.oneof !== undefined) msg[field.oneof.localName] = { case: field.localName, value };
      else msg[field.localName] = value;
      return undefined;
    }
    case "message": {
      const delimited = field.delimitedEncoding;
      expectWire(r, frame, field, wt, delimited ? 3 : 2, tagPos);
      if (field.oneof === undefined && isWrapperDesc(field.message)) {
        // protobuf-es stores singular wrapper fields unwrapped: read the wrapper, then unwrap.
        const wrapper = create(field.message) as unknown as Obj;
        const name = (field.message.fields[0] as DescField).localName;
        return push(
          r,
          frame,
          field,
          field.message,
          wrapper,
          delimited,
          [field.name],
          tagPos,
          () => {
            msg[field.localName] = wrapper[name];
          },
        );
      }
      return push(
        r,
        frame,
        field,
        field.message,
        childOf(msg, field),
        delimited,
        [field.name],
        tagPos,
      );
    }
    case "list": {
      const list = msg[field.localName] as unknown[];
      if (field.listKind === "message") {
        expectWire(r, frame, field, wt, field.delimitedEncoding ? 3 : 2, tagPos, list.length);
        const child = create(field.message) as unknown as Obj;
        list.push(child);
        return push(
          r,
          frame,
          field,
          field.message,
          child,
          field.delimitedEncoding,
          [field.name, list.length - 1],
          tagPos,
        );
      }
      const single = wireOf(field);
      if (wt === 2 && single !== 2) {
        // Packed: a run of values without tags.
        const len = r.length(frame.end, frame, [field.name], tagPos);
        const end = r.pos + len;
        // A run that cannot hold whole values is cut: say so at the run's first element.
        const size = single === 1 ? 8 : single === 5 ? 4 : 0;
        if (size > 0 ? len % size !== 0 : len > 0 && (r.buf[end - 1] as number) >= 0x80) {
          r.fail(
            "truncated",
            frame,
            [field.name, list.length],
            `a packed run of ${len} bytes ends inside a value`,
            tagPos,
          );
        }
        while (r.pos < end)
          list.push(readValue(r, frame, field, [field.name, list.length], tagPos, end));
        return undefined;
      }
      expectWire(r, frame, field, wt, single, tagPos, list.length);
      list.push(readValue(r, frame, field, [field.name, list.length], tagPos));
      return undefined;
    }
    case "map": {
      expectWire(r, frame, field, wt, 2, tagPos);
      const entry: Entry = { field, key: undefined, value: undefined };
      const map = msg[field.localName] as Obj;
      return push(
        r,
        frame,
        field,
        undefined,
        {},
        false,
        [field.name],
        tagPos,
        () => {
          const key = String(entry.key ?? defaultKey(field));
          const value = entry.value ?? defaultMapValue(field);
          Object.defineProperty(map, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        },
        entry,
      );
    }
  }
}

/** A field of a map entry: 1 = key, 2 = value; anything else is skipped (not kept). */
function readEntryField(
  r: Reader,
  frame: Frame,
  entry: Entry,
  no: number,
  wt: number,
  tagPos: number,
): Frame | undefined {
  const field = entry.field;
  if (no === 1) {
    const keyWire = scalarWire(field.mapKey);
    if (wt !== keyWire) wireFail(r, frame, [], `${field.name} key`, wt, keyWire, tagPos);
    entry.key = readScalar(r, frame, field.mapKey, false, [], tagPos, frame.end);
    return undefined;
  }
  if (no === 2) {
    const key = entry.key === undefined ? "(value)" : String(entry.key);
    if (field.mapKind === "message") {
      if (wt !== 2) wireFail(r, frame, [key], `${field.name} value`, wt, 2, tagPos);
      const child = (entry.value ?? create(field.message)) as Obj;
      entry.value = child;
      return push(r, frame, field, field.message, child, false, [key], tagPos);
    }
    const valueWire = wireOf(field);
    if (wt !== valueWire) wireFail(r, frame, [key], `${field.name} value`, wt, valueWire, tagPos);
    entry.value = readValue(r, frame, field, [key], tagPos);
    return undefined;
  }
  skipValue(r, frame, no, wt, tagPos);
  return undefined;
}

/** Enter a nested message (length-delimited or group) or map entry. */
function push(
  r: Reader,
  frame: Frame,
  field: DescField,
  desc: DescMessage | undefined,
  msg: Obj,
  delimited: boolean,
  seg: (string | number)[],
  tagPos: number,
  done?: () => void,
  entry?: Entry,
): Frame {
  // The length first: it moves r.pos.
  const end = delimited ? frame.end : lengthEnd(r, frame, field, tagPos);
  if (frame.depth >= r.limits.maxDepth) depthFail(r, frame, tagPos, seg);
  r.starts.set(msg, tagPos);
  return {
    desc,
    msg,
    end,
    group: delimited ? field.number : 0,
    start: tagPos,
    depth: frame.depth + 1,
    parent: frame,
    seg,
    ...(entry === undefined ? {} : { entry }),
    ...(done === undefined ? {} : { done }),
  };
}

function depthFail(
  r: Reader,
  frame: Frame | undefined,
  at: number,
  extra: (string | number)[] = [],
): never {
  return r.fail(
    "max_depth_exceeded",
    frame,
    extra,
    `messages and groups nest deeper than maxDepth (${r.limits.maxDepth}); raise maxDepth if such input is expected`,
    at,
  );
}

/** The message in `field` to merge into: the one already set, or a new one. */
function childOf(msg: Obj, field: DescField & { fieldKind: "message" }): Obj {
  if (field.oneof !== undefined) {
    const current = msg[field.oneof.localName] as { case?: string; value?: unknown };
    if (current.case === field.localName) return current.value as Obj;
    const child = create(field.message) as unknown as Obj;
    msg[field.oneof.localName] = { case: field.localName, value: child };
    return child;
  }
  let child = msg[field.localName] as Obj | undefined;
  if (child === undefined) {
    child = create(field.message) as unknown as Obj;
    msg[field.localName] = child;
  }
  return child;
}

/** A scalar or enum value of `field` (for lists and maps: one element). */
function readValue(
  r: Reader,
  frame: Frame,
  field: DescField,
  extra: (string | number)[],
  tagPos: number,
  limit = frame.end,
): unknown {
  if (field.enum === undefined) {
    return readScalar(r, frame, field.scalar as ScalarType, asString(field), extra, tagPos, limit);
  }
  const at = r.pos;
  const value = r.varint(limit, frame, extra, tagPos)[0] | 0;
  if (!field.enum.open && field.enum.value[value] === undefined) {
    r.fail(
      "unknown_enum_value",
      frame,
      extra,
      `${value} is not a value of the closed enum ${field.enum.typeName} (${field.enum.values.map((v) => v.name).join(", ")})`,
      at,
    );
  }
  return value;
}

function readScalar(
  r: Reader,
  frame: Frame,
  type: ScalarType,
  longAsString: boolean,
  extra: (string | number)[],
  tagPos: number,
  limit: number,
): unknown {
  switch (type) {
    case ScalarType.STRING: {
      const len = r.length(limit, frame, extra, tagPos);
      const start = r.pos;
      const bad = firstInvalidUtf8(r.buf, start, start + len);
      if (bad >= 0) {
        r.fail(
          "invalid_utf8",
          frame,
          extra,
          `a string holds bytes that are not UTF-8 (byte 0x${(r.buf[bad] as number).toString(16)})`,
          bad,
        );
      }
      r.pos += len;
      return utf8.decode(r.buf.subarray(start, start + len));
    }
    case ScalarType.BYTES: {
      const len = r.length(limit, frame, extra, tagPos);
      r.pos += len;
      return copy(r.buf, r.pos - len, r.pos);
    }
    case ScalarType.DOUBLE:
      return r.f64(r.need(8, limit, frame, extra, tagPos));
    case ScalarType.FLOAT:
      return r.f32(r.need(4, limit, frame, extra, tagPos));
    case ScalarType.FIXED32:
      return r.u32(r.need(4, limit, frame, extra, tagPos));
    case ScalarType.SFIXED32:
      return r.u32(r.need(4, limit, frame, extra, tagPos)) | 0;
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64: {
      const at = r.need(8, limit, frame, extra, tagPos);
      return long(type === ScalarType.FIXED64, r.u32(at), r.u32(at + 4), longAsString);
    }
    default: {
      const [lo, hi] = r.varint(limit, frame, extra, tagPos);
      switch (type) {
        case ScalarType.BOOL:
          return lo !== 0 || hi !== 0;
        case ScalarType.INT32:
          return lo | 0;
        case ScalarType.UINT32:
          return lo;
        case ScalarType.SINT32:
          return (lo >>> 1) ^ -(lo & 1);
        case ScalarType.SINT64: {
          const sign = -(lo & 1);
          return long(false, ((lo >>> 1) | (hi << 31)) ^ sign, (hi >>> 1) ^ sign, longAsString);
        }
        default:
          return long(type === ScalarType.UINT64, lo, hi, longAsString);
      }
    }
  }
}

function long(unsigned: boolean, lo: number, hi: number, asString: boolean): unknown {
  const value = unsigned ? protoInt64.uDec(lo, hi) : protoInt64.dec(lo, hi);
  return asString ? String(value) : value;
}

/** An unknown field: kept as protobuf-es keeps it ({ no, wireType, data after the tag }). */
function keepUnknown(r: Reader, frame: Frame, no: number, wt: number, tagPos: number): void {
  const start = r.pos;
  skipValue(r, frame, no, wt, tagPos);
  if (++r.unknownCount > r.limits.maxUnknownFields) {
    r.fail(
      "too_many_unknown_fields",
      frame,
      [],
      `more than maxUnknownFields (${r.limits.maxUnknownFields}) unknown fields; raise maxUnknownFields if such input is expected`,
      tagPos,
    );
  }
  type Unknown = { no: number; wireType: number; data: Uint8Array };
  let unknown = frame.msg.$unknown as Unknown[] | undefined;
  if (unknown === undefined) {
    unknown = [];
    frame.msg.$unknown = unknown;
  }
  unknown.push({ no, wireType: wt, data: copy(r.buf, start, r.pos) });
}

/** Pass over one value of wire type `wt`; groups iteratively, with their nesting counted. */
function skipValue(r: Reader, frame: Frame, no: number, wt: number, tagPos: number): void {
  switch (wt) {
    case 0:
      r.varint(frame.end, frame, [], tagPos);
      return;
    case 1:
      r.need(8, frame.end, frame, [], tagPos);
      return;
    case 5:
      r.need(4, frame.end, frame, [], tagPos);
      return;
    case 2:
      {
        const len = r.length(frame.end, frame, [], tagPos);
        r.pos += len;
      }
      return;
  }
  // wt 3: a group; the stack holds the field numbers of the open groups.
  const open = [no];
  while (open.length > 0) {
    if (frame.depth + open.length > r.limits.maxDepth) depthFail(r, frame, tagPos);
    if (r.pos >= frame.end)
      r.fail("truncated", frame, [], `the data ends inside group ${open[open.length - 1]}`, tagPos);
    const at = r.pos;
    const [n, w] = readTag(r, frame);
    if (w === 4) {
      if (open.pop() !== n)
        r.fail(
          "invalid_end_group",
          frame,
          [],
          `an end-group tag for field ${n} without its start`,
          at,
        );
    } else if (w === 3) {
      open.push(n);
    } else {
      skipValue(r, frame, n, w, at);
    }
  }
}

function expectWire(
  r: Reader,
  frame: Frame,
  field: DescField,
  wt: number,
  want: number,
  tagPos: number,
  index?: number,
): void {
  if (wt === want) return;
  wireFail(
    r,
    frame,
    index === undefined ? [field.name] : [field.name, index],
    field.name,
    wt,
    want,
    tagPos,
  );
}

function wireFail(
  r: Reader,
  frame: Frame,
  extra: (string | number)[],
  name: string,
  wt: number,
  want: number,
  tagPos: number,
): never {
  return r.fail(
    "wire_type_mismatch",
    frame,
    extra,
    `field ${name} arrives with wire type ${wt}, but its type is written with wire type ${want}; the sender uses another schema`,
    tagPos,
  );
}

/** The wire type of one value of a scalar or enum field (or list/map element). */
function wireOf(field: DescField): number {
  return field.enum !== undefined ? 0 : scalarWire(field.scalar as ScalarType);
}

function scalarWire(type: ScalarType): number {
  switch (type) {
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return 2;
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return 1;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return 5;
    default:
      return 0;
  }
}

function defaultKey(field: DescField & { fieldKind: "map" }): unknown {
  if (field.mapKey === ScalarType.STRING) return "";
  return field.mapKey === ScalarType.BOOL ? false : 0;
}

function defaultMapValue(field: DescField & { fieldKind: "map" }): unknown {
  switch (field.mapKind) {
    case "message":
      return create(field.message);
    case "enum":
      return field.enum.values[0]?.number ?? 0;
    default:
      return scalarDefault(field.scalar, asString(field));
  }
}

function scalarDefault(type: ScalarType, longAsString: boolean): unknown {
  switch (type) {
    case ScalarType.STRING:
      return "";
    case ScalarType.BYTES:
      return new Uint8Array(0);
    case ScalarType.BOOL:
      return false;
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return longAsString ? "0" : protoInt64.zero;
    default:
      return 0;
  }
}

const byNumber = new WeakMap<DescMessage, Map<number, DescField>>();

function fieldByNumber(desc: DescMessage, no: number): DescField | undefined {
  let map = byNumber.get(desc);
  if (map === undefined) {
    map = new Map(desc.fields.map((f) => [f.number, f]));
    byNumber.set(desc, map);
  }
  return map.get(no);
}

/** The path of a frame: its ancestors' segments, built only when an error is reported. */
export function pathOf(frame: Frame | undefined): IssuePath {
  const parts: (readonly (string | number)[])[] = [];
  for (let f = frame; f !== undefined; f = f.parent) parts.push(f.seg);
  const path: IssuePath = [];
  for (let i = parts.length - 1; i >= 0; i--) path.push(...(parts[i] as (string | number)[]));
  return path;
}

/** Whether a 64-bit field is stored as a string (jstype = JS_STRING). */
function asString(field: DescField): boolean {
  return (field as { longAsString?: boolean }).longAsString === true;
}

/** The end offset of a length-delimited payload starting after its length prefix. */
function lengthEnd(r: Reader, frame: Frame, field: DescField, tagPos: number): number {
  const len = r.length(frame.end, frame, [field.name], tagPos);
  return r.pos + len;
}

/**
 * A plain Uint8Array copy of `buf[start, end)`: never a view into the caller's buffer (a reused
 * network buffer would change the message), and never a Node Buffer (whose slice is a view).
 */
function copy(buf: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  out.set(buf.subarray(start, end));
  return out;
}
