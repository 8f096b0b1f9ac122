// Proto2 presence on protobuf-es messages, and the two generic issues (missing required field,
// unknown enum value) shared by the hand-written walkers and the reflection fallback.
//
// protobuf-es keeps proto2 scalar and enum defaults on the message prototype: a field is set iff
// it is an own property whose value is not undefined (the same test as `isFieldSet`, without the
// descriptor lookup). Singular message fields are simply absent (undefined) when unset.
// A closed-enum value that the schema does not define is not stored in the field at all: the
// binary reader appends it to `$unknown` as a varint under the field's number.
import type { DescEnum, Message } from "@bufbuild/protobuf";
import { isSet, present, unknownEnumNumber } from "../schema/index.js";
import type { Collector } from "./collector.js";

export { isSet, present, unknownEnumNumber };

/** Report a proto2 required field that is not set. */
export function reportMissing(c: Collector, typeName: string, field: string): void {
  c.report(
    "required_field_missing",
    `required field ${field} of ${typeName} is not set; set it (toBinary throws and Mesos rejects the message without it)`,
    field,
  );
}

/** Report an enum field holding a number its (closed) enum does not define. */
export function reportUnknownEnum(
  c: Collector,
  field: string,
  value: number,
  desc: DescEnum,
  index?: number,
): void {
  const known = desc.values.map((v) => `${v.name} (${v.number})`).join(", ");
  const where = index === undefined ? field : `${field}[${index}]`;
  c.report(
    "unknown_enum_value",
    `${where} holds unknown enum value ${value}, which ${desc.typeName} does not define; use one of ${known}`,
    field,
    index,
  );
}

/**
 * Check the required closed-enum field `key` (its proto name too) whose loaded value is `value`
 * and whose default is `dflt`: returns the value when set to a defined number, else reports (see
 * checkEnum) and returns undefined.
 */
export function requiredEnum(
  c: Collector,
  msg: Message,
  key: string,
  value: number,
  dflt: number,
  no: number,
  desc: DescEnum,
): number | undefined {
  return checkEnum(c, msg, value, present(msg, key, value, dflt), key, no, desc);
}

/**
 * Check a required closed-enum field whose loaded value is `value` and presence `set`: returns
 * the value when set to a defined number; otherwise reports `unknown_enum_value` (a value decoded
 * into `$unknown`, or an undefined number assigned directly) or `required_field_missing`, and
 * returns undefined.
 */
export function checkEnum(
  c: Collector,
  msg: Message,
  value: number,
  set: boolean,
  field: string,
  no: number,
  desc: DescEnum,
): number | undefined {
  // An unknown value on the wire after a known one wins (last value wins), so look there first;
  // `$unknown` is undefined on almost every message, which keeps this cheap.
  if (msg.$unknown !== undefined) {
    const unknown = unknownEnumNumber(msg, no);
    if (unknown !== undefined) {
      reportUnknownEnum(c, field, unknown, desc);
      return undefined;
    }
  }
  if (!set) {
    reportMissing(c, msg.$typeName, field);
    return undefined;
  }
  if (desc.value[value] === undefined) {
    reportUnknownEnum(c, field, value, desc);
    return undefined;
  }
  return value;
}
