// mutatedBytes(): byte strings near a valid encoding — the inputs that find decoder bugs, since
// purely random bytes rarely get past the first tag.
import * as fc from "fast-check";

// Bytes that matter on the wire: continuation bits, every wire type, big lengths.
const WIRE_BYTES = [
  0x00, 0x01, 0x02, 0x07, 0x08, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x7f, 0x80, 0xff,
];
const interestingByte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...WIRE_BYTES));

/** One edit of a byte string; positions are taken modulo the current length. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), byte: interestingByte }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    bytes: fc
      .array(interestingByte, { minLength: 1, maxLength: 10 })
      .map((b) => Uint8Array.from(b)),
  }),
  fc.record({
    kind: fc.constant("delete" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 16 }),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const n = bytes.length;
  const at = n === 0 ? 0 : m.at % (n + 1);
  switch (m.kind) {
    case "set": {
      if (n === 0) return Uint8Array.of(m.byte);
      const out = bytes.slice();
      out[m.at % n] = m.byte;
      return out;
    }
    case "insert":
      return splice(bytes, at, 0, m.bytes);
    case "delete":
      return splice(bytes, at, Math.min(m.length, n - at), new Uint8Array(0));
    case "truncate":
      return bytes.slice(0, at);
    case "duplicate": // a run followed by a copy of itself
      return splice(bytes, at, 0, bytes.subarray(at, at + m.length));
  }
}

/** A copy of `bytes` with `remove` bytes at `at` replaced by `insert`. */
function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

/**
 * Byte strings made from `source` (typically valid encodings) by 1–`maxMutations` edits: set a byte
 * (favouring wire-significant values such as 0x80 or wire types 6/7), insert bytes, delete a
 * run, truncate, or duplicate a run. The source array is never modified. Shrinks toward fewer and
 * smaller edits of a smaller source.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { encode, safeDecode, TaskInfoSchema } from "mesos-dockerinfo";
 * import { arbitraryMessage, mutatedBytes } from "mesos-dockerinfo/testing";
 *
 * const encoded = arbitraryMessage(TaskInfoSchema).map((t) => encode(TaskInfoSchema, t));
 * fc.assert(
 *   fc.property(mutatedBytes(encoded), (bytes) => {
 *     const result = safeDecode(TaskInfoSchema, bytes); // throws only on a bug
 *     return result.success || result.issues.length > 0;
 *   }),
 * );
 * ```
 */
export function mutatedBytes(
  source: fc.Arbitrary<Uint8Array>,
  options: { readonly maxMutations?: number } = {},
): fc.Arbitrary<Uint8Array> {
  const mutations = fc.array(mutation, { minLength: 1, maxLength: options.maxMutations ?? 3 });
  return fc.tuple(source, mutations).map(([bytes, edits]) => edits.reduce(apply, bytes));
}
