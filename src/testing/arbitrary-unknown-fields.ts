// Unknown fields with valid wire encodings, in protobuf-es's `$unknown` shape ({ no, wireType,
// data }: `data` is the field's payload after the tag, as BinaryReader.skip returns it).
//
// They sit at field numbers the message does not use, so a conforming decoder keeps them as
// unknown fields and writes them back unchanged: that is how a Mesos field we do not model
// (TaskInfo.health_check = 8, discovery = 11, ...) survives a decode/encode round trip.
import type { DescMessage, UnknownField } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import * as fc from "fast-check";

const MAX_FIELD_NUMBER = 2 ** 29 - 1;
// Reserved for the protobuf implementation; decoders accept them, but a real message never has them.
const IMPLEMENTATION_RESERVED = [19000, 19999] as const;

/** Per descriptor: the field numbers an unknown field may use (computed once). */
const candidateCache = new WeakMap<DescMessage, readonly number[]>();

function unusedFieldNumbers(desc: DescMessage): readonly number[] {
  let cached = candidateCache.get(desc);
  if (cached !== undefined) return cached;
  const taken = (n: number): boolean =>
    desc.fields.some((f) => f.number === n) ||
    desc.proto.reservedRange.some((r) => n >= r.start && n < r.end) ||
    desc.proto.extensionRange.some((r) => n >= r.start && n < r.end) ||
    (n >= IMPLEMENTATION_RESERVED[0] && n <= IMPLEMENTATION_RESERVED[1]);
  const highest = desc.fields.reduce((max, f) => Math.max(max, f.number), 0);
  const candidates: number[] = [];
  // The gaps between known fields and a few numbers just past them (the numbers a newer schema
  // would use), then multi-byte tags up to the largest legal field number.
  for (let n = 1; n <= highest + 4; n++) if (!taken(n)) candidates.push(n);
  for (const n of [127, 128, 2047, 2048, 16383, 16384, 262143, MAX_FIELD_NUMBER]) {
    if (!taken(n) && !candidates.includes(n)) candidates.push(n);
  }
  cached = candidates;
  candidateCache.set(desc, cached);
  return cached;
}

type Build = (no: number) => UnknownField;

const field =
  (wireType: WireType, data: Uint8Array): Build =>
  (no) => ({ no, wireType, data });

/** One field of each wire type; the field number is applied last (a group's end tag repeats it). */
const unknownField: fc.Arbitrary<Build> = fc.oneof(
  fc
    .bigInt({ min: 0n, max: 2n ** 64n - 1n })
    .map((v) => field(WireType.Varint, new BinaryWriter().uint64(v).finish())),
  fc.uint8Array({ minLength: 8, maxLength: 8 }).map((b) => field(WireType.Bit64, b)),
  fc
    .uint8Array({ maxLength: 12 })
    .map((b) => field(WireType.LengthDelimited, new BinaryWriter().bytes(b).finish())),
  fc.uint8Array({ minLength: 4, maxLength: 4 }).map((b) => field(WireType.Bit32, b)),
  // A proto2 group: its fields, then the END_GROUP tag with the same number.
  fc.array(fc.tuple(fc.integer({ min: 1, max: 15 }), fc.nat()), { maxLength: 2 }).map(
    (inner): Build =>
      (no) => {
        const w = new BinaryWriter();
        for (const [n, v] of inner) w.tag(n, WireType.Varint).uint32(v);
        return { no, wireType: WireType.StartGroup, data: w.tag(no, WireType.EndGroup).finish() };
      },
  ),
);

/**
 * 0–`maxLength` unknown fields for a message of `desc`, each with a valid encoding of a random
 * wire type (varint, fixed64, length-delimited, fixed32, group) at a field number `desc` does not
 * use. Assign a non-empty result to `message.$unknown`. (`arbitraryMessage(schema, { unknownFields:
 * true })` does this on every message of the tree.)
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { clone, decode, encode, TaskInfoSchema } from "mesos-dockerinfo";
 * import { arbitraryUnknownFields, taskInfo } from "mesos-dockerinfo/testing";
 *
 * // A valid task with fields from a newer Mesos: they must survive decode + encode.
 * const withUnknown = fc.tuple(taskInfo(), arbitraryUnknownFields(TaskInfoSchema, 3)).map(([t, unknown]) => {
 *   const copy = clone(TaskInfoSchema, t);
 *   copy.$unknown = unknown;
 *   return copy;
 * });
 * fc.assert(fc.property(withUnknown, (t) => decode(TaskInfoSchema, encode(TaskInfoSchema, t)).$unknown?.length === t.$unknown?.length));
 * ```
 */
export function arbitraryUnknownFields(
  desc: DescMessage,
  maxLength = 2,
): fc.Arbitrary<UnknownField[]> {
  const numbers = unusedFieldNumbers(desc);
  if (numbers.length === 0) return fc.constant([]);
  const entry = fc.tuple(fc.constantFrom(...numbers), unknownField).map(([no, build]) => build(no));
  return fc.array(entry, { maxLength });
}
