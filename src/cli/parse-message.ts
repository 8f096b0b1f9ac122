// Bytes of one input → a message of the requested type, through the strict codec. Errors are the
// codec's DecodeError (with code, path, offset) or an InputError for text that is not UTF-8.
import type { DescMessage, Message } from "@bufbuild/protobuf";
import { decode, fromMesosJson } from "../codec/index.js";
import { decodeText, type InputFormat } from "./read-input.js";

export interface ParseOptions {
  readonly maxBytes: number;
  readonly ignoreUnknownFields: boolean;
}

export function parseMessage(
  schema: DescMessage,
  bytes: Uint8Array,
  format: InputFormat,
  options: ParseOptions,
): Message {
  if (format === "binary") return decode(schema, bytes, { maxBytes: options.maxBytes });
  return fromMesosJson(schema, decodeText(bytes), {
    ignoreUnknownFields: options.ignoreUnknownFields,
    maxBytes: options.maxBytes,
  });
}
