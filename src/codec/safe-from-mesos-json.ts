// safeFromMesosJson: the non-throwing twin of fromMesosJson.
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import { DecodeError } from "./errors.js";
import { type FromMesosJsonOptions, fromMesosJson } from "./from-mesos-json.js";
import type { SafeDecodeResult } from "./safe-decode.js";

/** Like `fromMesosJson`, but returns `{ success: false, error }` instead of throwing the DecodeError. */
export function safeFromMesosJson<Desc extends DescMessage>(
  schema: Desc,
  input: unknown,
  options?: FromMesosJsonOptions,
): SafeDecodeResult<MessageShape<Desc>> {
  try {
    return { success: true, message: fromMesosJson(schema, input, options) };
  } catch (error) {
    if (error instanceof DecodeError) return { success: false, error };
    throw error;
  }
}
