// decodeLaunch: resolveLaunch(decode(schema, bytes)) as one fused call (issue 14, item 3).
//
// The message is read by the strict decoder and handed to the resolver before any other code can
// see it, so validation may skip what the decoder has already proven (required fields, closed
// enums, UTF-8) and run only the domain rules: one walk over the bytes, one over the rules, and
// the same result as the unfused calls (src/validation/validate-decoded.ts says why, and
// test/fused/fused.test.ts checks it). With `required: false` the decoder does not prove
// required fields, and the full validate runs instead.
import type { DescMessage } from "@bufbuild/protobuf";
import { checksRequired, type DecodeOptions, decode } from "../codec/index.js";
import type { TaskInfo, TaskInfoSchema } from "../schema/index.js";
import type { TaskInfo as V1TaskInfo, TaskInfoSchema as V1TaskInfoSchema } from "../v1/index.js";
import { validate, validateDecoded } from "../validation/index.js";
import type { LaunchResult } from "./launch.js";
import { resolveLaunchWith } from "./resolve-launch.js";

/** The options of decodeLaunch: decode's, without `validate` (the launch verdict validates). */
export type DecodeLaunchOptions = Omit<DecodeOptions, "validate">;

/**
 * How Mesos would launch the TaskInfo in `bytes` (seed `TaskInfoSchema` or Mesos 1.11
 * `TaskInfoSchema` from "mesos-dockerinfo/v1"): exactly `resolveLaunch(decode(schema, bytes,
 * options))`, faster. Throws decode's `DecodeError` when the bytes are not a TaskInfo; a task
 * that decodes but cannot launch is `{ success: false, issues }`, as from resolveLaunch.
 */
export function decodeLaunch(
  schema: typeof TaskInfoSchema | typeof V1TaskInfoSchema,
  bytes: Uint8Array,
  options?: DecodeLaunchOptions,
): LaunchResult {
  // A `validate` that slips through a cast is turned off: the launch verdict is the only one.
  const task = decode<DescMessage>(
    schema,
    bytes,
    (options as DecodeOptions | undefined)?.validate === undefined
      ? options
      : { ...options, validate: false },
  ) as TaskInfo | V1TaskInfo;
  // Trusted only when decode checked the required fields (the same switch decode reads).
  return resolveLaunchWith(task, checksRequired(options) ? validateDecoded : validate);
}
