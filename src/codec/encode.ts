// encode: protobuf-es toBinary, with every problem reported at once as an EncodeError.
import { type DescMessage, type MessageShape, toBinary } from "@bufbuild/protobuf";
import { encodeProblems } from "./encode-check.js";
import { closedEnumsDeclared } from "./enum-check.js";
import { EncodeError, type EncodeProblem } from "./errors.js";
import type { MessageObject } from "./field-access.js";

/**
 * Encode `message` (of type `schema`) to protobuf binary. Unknown fields (e.g. Mesos fields this
 * schema does not model, kept by decode) are written back after the known ones.
 *
 * Throws `EncodeError` when the message cannot be encoded faithfully; `problems` lists every
 * reason with its field path (protobuf-es stops at the first, with a plain Error and no path):
 * - `required_field_missing`: every unset proto2 required field, at any depth;
 * - `out_of_range` / `invalid_value`: e.g. 2^31 or 1.5 for an int32, a plain object where a
 *   message belongs;
 * - `unknown_enum_value`: a closed-enum number the schema does not declare (protobuf-es writes
 *   it, and strict decoders, ours included, reject it);
 * - `unpaired_surrogate`: a string UTF-8 cannot carry (protobuf-es writes U+FFFD instead);
 * - `wrong_message_type`: a message of another type.
 *
 * Cost: the happy path is toBinary plus a walk over the closed-enum fields and a byte search for
 * U+FFFD; the full check runs only when one of those finds something. Values of the wrong
 * JavaScript type (only possible by bypassing TypeScript) that toBinary silently coerces — a
 * number in a string field, a string in a bool field — are therefore not caught here; the full
 * check (`EncodeError.problems`) names them whenever it runs.
 */
export function encode<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = toBinary(schema, message);
  } catch (e) {
    throw failure(schema, message, e);
  }
  if (
    !closedEnumsDeclared(schema, message as unknown as MessageObject) ||
    hasReplacementChar(bytes)
  ) {
    // A U+FFFD in the output is either in the data or a substituted unpaired surrogate.
    const problems = encodeProblems(schema, message);
    if (problems.length > 0) throw new EncodeError(problems as [EncodeProblem, ...EncodeProblem[]]);
  }
  return bytes;
}

function failure(schema: DescMessage, message: unknown, cause: unknown): EncodeError {
  const problems = encodeProblems(schema, message);
  if (problems.length > 0) {
    return new EncodeError(problems as [EncodeProblem, ...EncodeProblem[]], { cause });
  }
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new EncodeError(
    [
      {
        code: "invalid_value",
        path: [],
        message: `protobuf-es cannot encode the message: ${reason}`,
      },
    ],
    { cause },
  );
}

/**
 * Whether the UTF-8 of U+FFFD (EF BF BD) occurs in `bytes`. Every run of three positions holds
 * exactly one position i with i % 3 == 2, and all three bytes are >= 0xBD, so looking at every
 * third byte finds every candidate; mostly-ASCII output is passed over three bytes at a time.
 */
function hasReplacementChar(bytes: Uint8Array): boolean {
  const n = bytes.length;
  for (let i = 2; i < n; i += 3) {
    if ((bytes[i] as number) < 0xbd) continue;
    for (let j = i - 2; j <= i && j + 2 < n; j++) {
      if (bytes[j] === 0xef && bytes[j + 1] === 0xbf && bytes[j + 2] === 0xbd) return true;
    }
  }
  return false;
}
