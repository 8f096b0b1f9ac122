// A message → binary protobuf or Mesos JSON text, for `convert` only (convert.ts imports it), so
// a `check` never parses the writing half of the codec.
import type { DescMessage, Message } from "@bufbuild/protobuf";
import { encode, toMesosJson } from "../codec/index.js";
import type { InputFormat } from "./read-input.js";

/** Throws the codec's EncodeError. */
export function serialize(
  schema: DescMessage,
  message: Message,
  to: InputFormat,
  json: { readonly compact: boolean; readonly emitDefaults: boolean },
): string | Uint8Array {
  if (to === "binary") return encode(schema, message);
  const value = toMesosJson(schema, message, { emitDefaults: json.emitDefaults });
  return `${JSON.stringify(value, null, json.compact ? undefined : 2)}\n`;
}
