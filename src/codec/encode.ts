// encode: the generated encoder of the schema when there is one (toBinary's bytes from one
// growing buffer, checking as it writes); when it has none, or the message is one it cannot write
// faithfully, protobuf-es toBinary after one check that lists every reason why (encode-check.ts
// says what protobuf-es alone would miss).
import { type DescMessage, type MessageShape, toBinary } from "@bufbuild/protobuf";
import { attempt, EncodeError, errorIssue, type Issue, type Result } from "../problems/index.js";
import { encodeIssues } from "./encode-check.js";
import { generatedCodec } from "./generated/index.js";
import { stackExhausted } from "./message-depth.js";

/**
 * Encode `message` (of type `schema`) to protobuf binary. Unknown fields (e.g. Mesos fields this
 * schema does not model, kept by decode) are written back after the known ones.
 *
 * Throws `EncodeError` whose `issues` list every problem with its field path:
 * `required_field_missing` (every unset proto2 required field, at any depth), `out_of_range` /
 * `invalid_value` (2^31 or 1.5 for an int32, a plain object where a message belongs, a number
 * in a string field), `unknown_enum_value` (a closed-enum number the schema does not declare),
 * `unpaired_surrogate` (a string UTF-8 cannot carry), `wrong_message_type`.
 */
export function encode<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
): Uint8Array {
  try {
    return generatedCodec(schema)?.write(message) ?? reflectiveEncode(schema, message);
  } catch (error) {
    stackExhausted(error, schema, message, `cannot encode ${schema.typeName}`);
  }
}

/** Internal (differential tests, bench): `encode` by protobuf-es toBinary and the reflective check only. */
export function reflectiveEncode<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
): Uint8Array {
  let bytes: Uint8Array | undefined;
  let cause: unknown;
  try {
    bytes = toBinary(schema, message);
  } catch (e) {
    cause = e; // kept as the EncodeError's cause: protobuf-es's own words
  }
  const issues = encodeIssues(schema, message);
  const what = `cannot encode ${schema.typeName}`;
  const options = bytes === undefined ? { cause } : undefined;
  if (issues.length > 0) throw new EncodeError(what, issues as [Issue, ...Issue[]], options);
  if (bytes !== undefined) return bytes;
  // The check should have found why; say so rather than leak a plain Error.
  const reason = cause instanceof Error ? cause.message : String(cause);
  const issue = errorIssue("invalid_value", [], `protobuf-es cannot encode the message: ${reason}`);
  throw new EncodeError(what, [issue], options);
}

/** Like `encode`, but returns `{ success: false, issues }` instead of throwing an EncodeError. */
export function safeEncode<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
): Result<Uint8Array> {
  return attempt(() => encode(schema, message));
}
