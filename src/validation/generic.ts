// The fallback walk for a message type without a hand-written walker (a schema that is not from
// this package's mesos.proto): the generic rules only, i.e. required fields present and closed
// enums holding defined values, recursively. It reflects over descriptors, which is slower than
// the hand-written walkers; messages of this package met inside are handed back to `walkChild`.
import type { DescField, DescMessage, Message } from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";
import type { Collector } from "./collector.js";
import {
  checkEnum,
  isSet,
  reportMissing,
  reportUnknownEnum,
  unknownEnumNumber,
} from "./presence.js";

/** Walks a sub-message: the dispatcher (hand-written walker or this fallback). */
export type ChildWalker = (desc: DescMessage, msg: Message, c: Collector) => void;

const REQUIRED = FeatureSet_FieldPresence.LEGACY_REQUIRED;

/** Check the generic rules on `msg` (of type `desc`) and its sub-messages. */
export function walkGeneric(
  desc: DescMessage,
  msg: Message,
  c: Collector,
  walkChild: ChildWalker,
): void {
  const record = msg as unknown as Record<string, unknown>;
  for (const field of desc.fields) {
    const value = fieldValue(record, field);
    switch (field.fieldKind) {
      case "scalar":
        if (field.presence === REQUIRED && !isSet(msg, field.localName)) {
          reportMissing(c, desc.typeName, field.name);
        }
        break;
      case "enum":
        checkEnumField(c, msg, field, value);
        break;
      case "message":
        if (value === undefined) {
          if (field.presence === REQUIRED) reportMissing(c, desc.typeName, field.name);
        } else {
          c.path.push(field.name);
          walkChild(field.message, value as Message, c);
          c.path.pop();
        }
        break;
      case "list":
        walkList(c, field, value as readonly unknown[], walkChild);
        break;
      case "map":
        if (field.mapKind === "message") {
          for (const [key, entry] of Object.entries(value as Record<string, Message>)) {
            c.path.push(field.name, key);
            walkChild(field.message, entry, c);
            c.path.pop();
            c.path.pop();
          }
        }
        break;
    }
  }
}

// A field's value, looking inside its oneof group when it belongs to one.
function fieldValue(record: Record<string, unknown>, field: DescField): unknown {
  if (field.oneof === undefined) return record[field.localName];
  const group = record[field.oneof.localName] as { case?: string; value?: unknown } | undefined;
  return group?.case === field.localName ? group.value : undefined;
}

function checkEnumField(
  c: Collector,
  msg: Message,
  field: DescField & { fieldKind: "enum" },
  value: unknown,
): void {
  if (field.enum.open) return; // open enums may hold any number
  if (field.presence === REQUIRED && field.oneof === undefined) {
    const set = isSet(msg, field.localName);
    checkEnum(c, msg, value as number, set, field.name, field.number, field.enum);
    return;
  }
  const unknown = unknownEnumNumber(msg, field.number);
  if (unknown !== undefined) {
    reportUnknownEnum(c, field.name, unknown, field.enum);
  } else if (typeof value === "number" && field.enum.value[value] === undefined) {
    reportUnknownEnum(c, field.name, value, field.enum);
  }
}

function walkList(
  c: Collector,
  field: DescField & { fieldKind: "list" },
  list: readonly unknown[],
  walkChild: ChildWalker,
): void {
  if (field.listKind === "message") {
    for (let i = 0; i < list.length; i++) {
      c.path.push(field.name, i);
      walkChild(field.message, list[i] as Message, c);
      c.path.pop();
      c.path.pop();
    }
  } else if (field.listKind === "enum" && !field.enum.open) {
    // protobuf-es keeps undefined values of a repeated closed enum inside the list.
    for (let i = 0; i < list.length; i++) {
      const value = list[i] as number;
      if (field.enum.value[value] === undefined) {
        reportUnknownEnum(c, field.name, value, field.enum, i);
      }
    }
  }
}
