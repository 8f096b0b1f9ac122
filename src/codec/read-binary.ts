// Strict protobuf binary → message for any schema, by its descriptor: an interpreter over the
// generated codecs' runtime (src/codec/generated/runtime), so varints, lengths, tags, UTF-8,
// fixed-width values, unknown fields, groups, limits and the wording of every failure live in
// one place whichever reader runs. It serves schemas without a generated codec, and input whose
// known messages nest deeper than generated code recurses (STACK_SAFE_DEPTH).
//
// Without recursion: nested messages, groups and map entries are frames on an explicit chain,
// the runtime's path stack names where each failure is, so no nesting depth can exhaust the JS
// stack and every depth beyond maxDepth is a typed `max_depth_exceeded`.
//
// Why not protobuf-es fromBinary: it reads invalid UTF-8 as U+FFFD, misreads a field sent with
// another wire type, keeps unknown closed-enum numbers in repeated fields, recurses (a deep
// unknown group overflows the stack) and returns views into the input; its errors carry no path
// or offset. The message built here has fromBinary's shape (own properties, `$unknown` entries
// `{ no, wireType, data }` with `data` everything after the tag), so encode writes unknown
// fields back byte-identically.
//
// Required fields are not judged here: a message field may occur twice and protobuf merges the
// occurrences, so missing-required.ts judges the finished message.
import {
  create,
  type DescField,
  type DescMessage,
  type MessageShape,
  ScalarType,
} from "@bufbuild/protobuf";
import { scalarZeroValue } from "@bufbuild/protobuf/reflect";
import { isWrapperDesc } from "@bufbuild/protobuf/wkt";
import { decodeError } from "./errors.js";
import * as R from "./generated/runtime/index.js";
import type { Limits } from "./options.js";

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
  /** Length of the reader's path before this frame's segments. */
  readonly base: number;
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

/**
 * Decode `bytes` (already size-checked) into a message of `desc`, with where each nested message
 * last started (for required-field issues); throws DecodeError.
 */
export function readBinary<Desc extends DescMessage>(
  desc: Desc,
  bytes: Uint8Array,
  limits: Limits,
): { message: MessageShape<Desc>; starts: WeakMap<object, number | undefined> } {
  const r = new R.Reader();
  r.buf = bytes;
  r.typeName = desc.typeName;
  r.maxDepth = limits.maxDepth;
  r.depthLimit = limits.maxDepth; // never gives up (TOO_DEEP): this reader does not recurse
  r.maxUnknownFields = limits.maxUnknownFields;
  // Where every nested message last started (its tag), for required-field issues.
  const starts = new WeakMap<object, number | undefined>();
  r.starts = starts;
  const steps = new Steps(r);
  if (limits.maxDepth < 1) R.failDepth(r, 0, undefined, -1);
  const root = create(desc) as unknown as Obj;
  starts.set(root, 0);
  let frame: Frame = {
    desc,
    msg: root,
    end: bytes.length,
    group: 0,
    start: 0,
    depth: 1,
    parent: undefined,
    base: 0,
  };
  for (;;) {
    if (r.pos >= frame.end) {
      if (frame.group !== 0) {
        throw decodeError(
          r.typeName,
          "truncated",
          r.path,
          `the data ends inside the group of field ${frame.group}`,
          frame.start,
        );
      }
      frame.done?.();
      if (frame.parent === undefined) break;
      r.path.length = frame.base;
      frame = frame.parent;
      continue;
    }
    const tagPos = r.pos;
    const first = bytes[r.pos++] as number;
    const tag = first > 0x7f ? R.readTag(r, first, frame.end, tagPos) : first;
    const no = tag >>> 3;
    const wt = tag & 7;
    if (no === 0 || wt > 5) R.failTag(r, tagPos, no, wt);
    if (wt === 4) {
      if (frame.group !== no) R.failEndGroup(r, tagPos, no);
      frame.done?.();
      r.path.length = frame.base;
      frame = frame.parent as Frame;
      continue;
    }
    let child: Frame | undefined;
    if (frame.entry !== undefined) {
      child = steps.entryField(frame, frame.entry, no, wt, tagPos);
    } else {
      const field = fieldByNumber(frame.desc as DescMessage, no);
      if (field === undefined) steps.keepUnknown(frame, no, wt, tagPos);
      else child = steps.field(frame, field, wt, tagPos);
    }
    if (child !== undefined) frame = child;
  }
  return { message: root as MessageShape<Desc>, starts };
}

interface Enter {
  readonly frame: Frame;
  readonly field: DescField;
  readonly tagPos: number;
  /** The child's path segments: a field name or map key, and an index (-1: none). */
  readonly name: string;
  readonly index: number;
}

/** The steps of one readBinary call, on its runtime Reader. */
class Steps {
  constructor(readonly r: R.Reader) {}

  /** One known field: a value stored, or a child frame to continue in. */
  field(frame: Frame, field: DescField, wt: number, tagPos: number): Frame | undefined {
    const r = this.r;
    const msg = frame.msg;
    const name = field.name;
    switch (field.fieldKind) {
      case "scalar":
      case "enum": {
        this.expectWire(field, wt, wireOf(field), tagPos, -1);
        const value = this.value(field, frame.end, tagPos, name, -1);
        if (field.oneof !== undefined)
          msg[field.oneof.localName] = { case: field.localName, value };
        else msg[field.localName] = value;
        return undefined;
      }
      case "message": {
        this.expectWire(field, wt, field.delimitedEncoding ? 3 : 2, tagPos, -1);
        const enter = { frame, field, tagPos, name, index: -1 };
        if (field.oneof === undefined && isWrapperDesc(field.message)) {
          // protobuf-es stores singular wrapper fields unwrapped: read the wrapper, then unwrap.
          const wrapper = create(field.message) as unknown as Obj;
          const inner = (field.message.fields[0] as DescField).localName;
          return this.push(enter, field.message, wrapper, field.delimitedEncoding, () => {
            msg[field.localName] = wrapper[inner];
          });
        }
        return this.push(enter, field.message, childOf(msg, field), field.delimitedEncoding);
      }
      case "list": {
        const list = msg[field.localName] as unknown[];
        if (field.listKind === "message") {
          this.expectWire(field, wt, field.delimitedEncoding ? 3 : 2, tagPos, list.length);
          const child = create(field.message) as unknown as Obj;
          list.push(child);
          const enter = { frame, field, tagPos, name, index: list.length - 1 };
          return this.push(enter, field.message, child, field.delimitedEncoding);
        }
        const single = wireOf(field);
        if (wt === 2 && single !== 2) {
          // Packed: a run of values without tags, which must hold whole values.
          const width = single === 1 ? 8 : single === 5 ? 4 : 0;
          const end = R.packedEnd(r, frame.end, tagPos, name, list.length, width, labelOf(field));
          while (r.pos < end) list.push(this.value(field, end, tagPos, name, list.length));
          return undefined;
        }
        this.expectWire(field, wt, single, tagPos, list.length);
        list.push(this.value(field, frame.end, tagPos, name, list.length));
        return undefined;
      }
      case "map": {
        this.expectWire(field, wt, 2, tagPos, -1);
        const entry: Entry = { field, key: undefined, value: undefined };
        const map = msg[field.localName] as Obj;
        const enter = { frame, field, tagPos, name, index: -1 };
        const store = () => {
          // An entry without a key field has the key type's zero value as its key.
          const key = entry.key ?? scalarZeroValue(field.mapKey, false);
          R.setOwn(map, String(key), entry.value ?? defaultMapValue(field));
        };
        return this.push(enter, undefined, {}, false, store, entry);
      }
    }
  }

  /** A field of a map entry: 1 = key, 2 = value; anything else is skipped (not kept). */
  entryField(
    frame: Frame,
    entry: Entry,
    no: number,
    wt: number,
    tagPos: number,
  ): Frame | undefined {
    const r = this.r;
    const field = entry.field;
    if (no === 1) {
      const keyWire = scalarWire(field.mapKey);
      if (wt !== keyWire) {
        R.failMismatch(r, tagPos, "key", -1, labelOf(field, "key"), 1, keyWire, wt, false);
      }
      entry.key = this.scalar(field.mapKey, false, frame.end, tagPos, undefined, -1);
      return undefined;
    }
    if (no === 2) {
      const key = R.keySegment(entry.key);
      const valueWire = field.mapKind === "message" ? 2 : wireOf(field);
      if (wt !== valueWire) {
        r.path.push(key); // the runtime names a map value by its key within the entry
        R.failMismatch(r, tagPos, "value", -1, labelOf(field, "value"), 2, valueWire, wt, false);
      }
      if (field.mapKind !== "message") {
        entry.value = this.value(field, frame.end, tagPos, key, -1);
        return undefined;
      }
      const child = (entry.value ?? create(field.message)) as Obj;
      entry.value = child;
      const enter = { frame, field, tagPos, name: key, index: -1 };
      return this.push(enter, field.message, child, false);
    }
    R.skip(r, no, wt, tagPos, frame.end, frame.depth);
    return undefined;
  }

  /** Enter a nested message (length-delimited or group) or map entry. */
  push(
    { frame, field, tagPos, name, index }: Enter,
    desc: DescMessage | undefined,
    msg: Obj,
    delimited: boolean,
    done?: () => void,
    entry?: Entry,
  ): Frame {
    const r = this.r;
    // The length first: it moves r.pos, and a bad one is reported before the depth.
    const len = delimited ? 0 : R.length(r, frame.end, tagPos, field.name, -1);
    const end = delimited ? frame.end : r.pos + len;
    if (frame.depth >= r.maxDepth) R.failDepth(r, tagPos, name, index);
    r.starts?.set(msg, tagPos);
    const base = r.path.length;
    r.path.push(name);
    if (index >= 0) r.path.push(index);
    return {
      desc,
      msg,
      end,
      group: delimited ? field.number : 0,
      start: tagPos,
      depth: frame.depth + 1,
      parent: frame,
      base,
      ...(entry === undefined ? {} : { entry }),
      ...(done === undefined ? {} : { done }),
    };
  }

  /** A scalar or enum value of `field` (for lists and maps: one element). */
  value(field: DescField, limit: number, tagPos: number, name: string, index: number): unknown {
    const r = this.r;
    if (field.enum === undefined) {
      return this.scalar(field.scalar as ScalarType, asString(field), limit, tagPos, name, index);
    }
    const at = r.pos;
    const value = R.varint(r, limit, tagPos, name, index);
    if (!field.enum.open && field.enum.value[value] === undefined) {
      const declared = field.enum.values.map((v) => `${v.name} = ${v.number}`).join(", ");
      R.failEnum(r, at, value, name, index, `enum ${field.enum.typeName}`, declared);
    }
    return value;
  }

  scalar(
    type: ScalarType,
    longAsString: boolean,
    limit: number,
    tagPos: number,
    name: string | undefined,
    index: number,
  ): unknown {
    const r = this.r;
    switch (type) {
      case ScalarType.STRING:
        return R.string(r, limit, tagPos, name, index);
      case ScalarType.BYTES:
        return R.bytes(r, limit, tagPos, name, index);
      case ScalarType.DOUBLE:
      case ScalarType.FIXED64:
      case ScalarType.SFIXED64:
        R.need(r, limit, 8, tagPos, name, index);
        if (type === ScalarType.DOUBLE) return R.double(r);
        return long(type === ScalarType.FIXED64 ? R.fixed64(r) : R.sfixed64(r), longAsString);
      case ScalarType.FLOAT:
      case ScalarType.FIXED32:
      case ScalarType.SFIXED32:
        R.need(r, limit, 4, tagPos, name, index);
        if (type === ScalarType.FLOAT) return R.float(r);
        return type === ScalarType.FIXED32 ? R.fixed32(r) : R.sfixed32(r);
    }
    const lo = R.varint(r, limit, tagPos, name, index);
    switch (type) {
      case ScalarType.BOOL:
        return (lo | r.hi) !== 0;
      case ScalarType.INT32:
        return lo;
      case ScalarType.UINT32:
        return lo >>> 0;
      case ScalarType.SINT32:
        return R.sint32(lo);
      case ScalarType.SINT64:
        return long(R.sint64(r, lo), longAsString);
      case ScalarType.UINT64:
        return long(R.uint64(r, lo), longAsString);
      default:
        return long(R.int64(r, lo), longAsString);
    }
  }

  /** An unknown field: kept as protobuf-es keeps it ({ no, wireType, data after the tag }). */
  keepUnknown(frame: Frame, no: number, wt: number, tagPos: number): void {
    const record = R.unknown(this.r, no, wt, tagPos, frame.end, frame.depth);
    frame.msg.$unknown ??= [];
    (frame.msg.$unknown as R.UnknownRecord[]).push(record);
  }

  expectWire(field: DescField, wt: number, want: number, tagPos: number, index: number): void {
    if (wt === want) return;
    R.failMismatch(this.r, tagPos, field.name, index, labelOf(field), field.number, want, wt, true);
  }
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
  msg[field.localName] ??= create(field.message);
  return msg[field.localName] as Obj;
}

function long(value: bigint, asString: boolean): unknown {
  return asString ? String(value) : value;
}

/**
 * How failures name a field's type, as the generated codecs do: "map entry" for a map itself,
 * its key's scalar type for `key`, else the type of one value.
 */
function labelOf(field: DescField, part?: "key" | "value"): string {
  if (field.fieldKind === "map" && part === undefined) return "map entry";
  if (field.fieldKind === "map" && part === "key") return ScalarType[field.mapKey].toLowerCase();
  if (field.message !== undefined) return `message ${field.message.typeName}`;
  if (field.enum !== undefined) return `enum ${field.enum.typeName}`;
  return ScalarType[field.scalar as ScalarType].toLowerCase();
}

/** The wire type of one value of a scalar or enum field (or list/map element). */
function wireOf(field: DescField): number {
  return field.enum !== undefined ? 0 : scalarWire(field.scalar as ScalarType);
}

// The wire type of each scalar type that is not a varint (0).
const SCALAR_WIRE: Partial<Record<ScalarType, number>> = {
  [ScalarType.STRING]: 2,
  [ScalarType.BYTES]: 2,
  [ScalarType.DOUBLE]: 1,
  [ScalarType.FIXED64]: 1,
  [ScalarType.SFIXED64]: 1,
  [ScalarType.FLOAT]: 5,
  [ScalarType.FIXED32]: 5,
  [ScalarType.SFIXED32]: 5,
};

function scalarWire(type: ScalarType): number {
  return SCALAR_WIRE[type] ?? 0;
}

/** What protobuf-es stores for a map entry without a value field. */
function defaultMapValue(field: DescField & { fieldKind: "map" }): unknown {
  if (field.mapKind === "message") return create(field.message);
  if (field.mapKind === "enum") return field.enum.values[0]?.number ?? 0;
  return scalarZeroValue(field.scalar, asString(field));
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

/** Whether a 64-bit field is stored as a string (jstype = JS_STRING). */
function asString(field: DescField): boolean {
  return (field as { longAsString?: boolean }).longAsString === true;
}
