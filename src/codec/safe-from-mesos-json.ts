// safeFromMesosJson: fromMesosJson without throwing for bad input.
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import { attempt, type Result } from "../problems/index.js";
import { type FromMesosJsonOptions, fromMesosJson } from "./from-mesos-json.js";

/** Like `fromMesosJson`, but returns `{ success: false, issues }` instead of throwing the DecodeError. */
export function safeFromMesosJson<Desc extends DescMessage>(
  schema: Desc,
  input: unknown,
  options?: FromMesosJsonOptions,
): Result<MessageShape<Desc>> {
  return attempt(() => fromMesosJson(schema, input, options));
}
