// Binary protobuf → a message, for parseMessage (library.ts), which imports this file only for a
// binary input: the generated binary readers are the larger part of the codec, and a `check` of
// JSON (the common case) then neither parses nor builds them.
import type { DescMessage, Message } from "@bufbuild/protobuf";
import { decode } from "../codec/index.js";

/** `complete: false` skips only the required-field check (see parseMessage). */
export function decodeBinary(
  schema: DescMessage,
  bytes: Uint8Array,
  maxBytes: number,
  complete: boolean,
): Message {
  return decode(schema, bytes, { maxBytes, required: complete });
}
