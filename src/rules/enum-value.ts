// The verdict on a required closed-enum field, for rules that branch on it (ContainerInfo.type,
// Resource.type): the defined number, or undefined when the walk reported it missing or unknown.
import type { DescEnum, Message } from "@bufbuild/protobuf";
import { present, unknownEnumNumber } from "../schema/index.js";

/**
 * The value of required enum field `key` (field number `no`, default `dflt`) when it is set to a
 * number `desc` defines and no unknown value arrived after it on the wire; else undefined.
 */
export function knownEnum(
  msg: Message,
  key: string,
  value: number,
  dflt: number,
  no: number,
  desc: DescEnum,
): number | undefined {
  if (msg.$unknown !== undefined && unknownEnumNumber(msg, no) !== undefined) return undefined;
  if (!present(msg, key, value, dflt)) return undefined;
  return desc.value[value] === undefined ? undefined : value;
}

/**
 * The value of optional enum field `key` (field number `no`): its value, the declared default
 * when unset, or undefined when an unknown number arrived on the wire (the walk reported it, and
 * the field then reads as its default, which a rule must not trust).
 */
export function optionalEnum(msg: Message, value: number, no: number): number | undefined {
  if (msg.$unknown !== undefined && unknownEnumNumber(msg, no) !== undefined) return undefined;
  return value;
}
