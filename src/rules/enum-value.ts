// Field values as the rules of both schemas read them: a string field when set, and the verdict
// on a closed-enum field for rules that branch on it (ContainerInfo.type, Resource.type): the
// defined number, or undefined when the walk reported it missing or unknown.
import type { DescEnum, Message, UnknownField } from "@bufbuild/protobuf";
import { present, unknownEnumNumber } from "../schema/index.js";

/**
 * The value of required enum field `key` (field number `no`, default `dflt`) when it is set to a
 * number `desc` defines and no unknown value arrived after it on the wire; else undefined.
 * `unknown` is `msg.$unknown`, read by the caller: its own load site sees one message type,
 * where a load in here would see every type with a closed enum and go megamorphic.
 */
export function knownEnum(
  msg: Message,
  unknown: UnknownField[] | undefined,
  key: string,
  value: number,
  dflt: number,
  no: number,
  desc: DescEnum,
): number | undefined {
  if (unknown !== undefined && unknownEnumNumber(msg, no) !== undefined) return undefined;
  if (!present(msg, key, value, dflt)) return undefined;
  return desc.value[value] === undefined ? undefined : value;
}

/**
 * The value of optional enum field number `no`: its value (the declared default when unset), or
 * undefined when an unknown number arrived on the wire (the walk reported it, and the field then
 * reads as its default, which a rule must not trust). `unknown` as for knownEnum.
 */
export function optionalEnum(
  msg: Message,
  unknown: UnknownField[] | undefined,
  value: number,
  no: number,
): number | undefined {
  if (unknown !== undefined && unknownEnumNumber(msg, no) !== undefined) return undefined;
  return value;
}

/** The value of string field `key` (`value`, read by the caller) when set; else undefined. */
export function setString(msg: object, key: string, value: string): string | undefined {
  return present(msg, key, value, "") ? value : undefined;
}
