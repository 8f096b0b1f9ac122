// safeDecode: decode without throwing for bad input.
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import { attempt, type Result } from "../problems/index.js";
import { type DecodeOptions, decode } from "./decode.js";

/**
 * Like `decode`, but returns `{ success: false, issues }` instead of throwing a DecodeError (or,
 * with `validate: true`, a ValidationError). Other exceptions are bugs and are rethrown.
 */
export function safeDecode<Desc extends DescMessage>(
  schema: Desc,
  bytes: Uint8Array,
  options?: DecodeOptions,
): Result<MessageShape<Desc>> {
  return attempt(() => decode(schema, bytes, options));
}
