// Reading fields of a protobuf-es message object the way protobuf-es itself decides presence:
// proto2 scalars keep their defaults on the prototype, so "set" means an own property that is not
// undefined; oneof members live under the oneof's name as { case, value }.
import { type DescField, isFieldSet, type Message } from "@bufbuild/protobuf";
import { fieldValue, isSet } from "../schema/index.js";

export type MessageObject = Record<string, unknown>;

/**
 * The value of `field` when it is set; undefined when it is not (an empty list or map counts as
 * not set). A list or map property holding something that is not an array or object is returned
 * as is, so that callers can report it.
 */
export function setValue(message: MessageObject, field: DescField): unknown {
  const value = fieldValue(message, field);
  if (field.oneof !== undefined) return value;
  switch (field.fieldKind) {
    case "list":
      return Array.isArray(value) && value.length === 0 ? undefined : value;
    case "map":
      return typeof value === "object" && value !== null && Object.keys(value).length === 0
        ? undefined
        : value;
    case "message":
      return value;
    default:
      if (field.presence !== 2 /* IMPLICIT */) {
        return isSet(message, field.localName) ? value : undefined;
      }
      // proto3 scalars: set when not the zero value.
      return isFieldSet(message as unknown as Message, field) ? value : undefined;
  }
}
