// Proto2 presence on protobuf-es messages, without descriptor lookups on the hot path.
//
// protobuf-es keeps proto2 scalar and enum defaults on the message prototype: a field is set iff
// it is an own property whose value is not undefined (the same test as `isFieldSet`, without the
// descriptor lookup). Singular message fields are simply absent (undefined) when unset.
// A closed-enum value that the schema does not define is not stored in the field at all: the
// binary reader appends it to `$unknown` as a varint under the field's number.
import type { DescField, Message } from "@bufbuild/protobuf";

const hasOwn = Object.prototype.hasOwnProperty;

/** True iff the scalar or enum field `key` is set (an own, defined property). */
export function isSet(msg: object, key: string): boolean {
  return hasOwn.call(msg, key) && (msg as Record<string, unknown>)[key] !== undefined;
}

/**
 * What `msg` holds for `field`: its own property, or for a oneof member the oneof's `value` while
 * the member is its `case` (protobuf-es keeps oneofs as `{ case, value }` under the oneof's name).
 */
export function fieldValue(msg: object, field: DescField): unknown {
  const record = msg as Record<string, unknown>;
  if (field.oneof === undefined) return record[field.localName];
  const oneof = record[field.oneof.localName] as { case?: unknown; value?: unknown } | undefined;
  return oneof?.case === field.localName ? oneof.value : undefined;
}

/**
 * The same test as isSet, for hot paths: the caller loads `value = msg[key]` itself (a
 * monomorphic load at its own call site) and names the field's default. A value other than the
 * default cannot come from the prototype, so only the default needs the own-property test.
 */
export function present(msg: object, key: string, value: unknown, dflt: unknown): boolean {
  return value !== dflt ? value !== undefined : hasOwn.call(msg, key);
}

/**
 * The last unknown varint stored under field number `no` (a closed-enum value the schema does
 * not define), as int32; undefined when there is none.
 */
export function unknownEnumNumber(msg: Message, no: number): number | undefined {
  const unknown = msg.$unknown;
  if (unknown === undefined) return undefined;
  let found: number | undefined;
  for (const field of unknown) {
    if (field.no === no && field.wireType === 0) {
      found = varintToInt32(field.data);
    }
  }
  return found;
}

// The low 32 bits of a varint, read as a signed int32 (negative enum values are sign-extended
// to 10 bytes on the wire; the high bytes do not matter).
function varintToInt32(data: Uint8Array): number {
  let result = 0;
  for (let i = 0, shift = 0; i < data.length && shift < 32; i++, shift += 7) {
    const byte = data[i] as number;
    result |= (byte & 0x7f) << shift;
    if (byte < 0x80) break;
  }
  return result | 0;
}
