// decode: strict protobuf binary → message, then the required-field check on the merged result,
// and optionally every validation rule. The bytes are read by the generated codec of the schema
// when there is one (gen/**/*_codec.ts: a switch per message, several times faster), else by
// the reflective reader (read-binary.ts, on the same runtime primitives), which is also the
// reference semantics the generated one is held to.
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import { attempt, type Result } from "../problems/index.js";
import { assertValid, assertValidDecoded } from "../validation/index.js";
import { decodeError } from "./errors.js";
import { type GeneratedCodec, generatedCodec } from "./generated/index.js";
import { assertRequired } from "./missing-required.js";
import { checkSize, type LimitOptions, limitsOf } from "./options.js";
import { readBinary } from "./read-binary.js";

export interface DecodeOptions extends LimitOptions {
  /** Unknown fields kept per input before `too_many_unknown_fields`; default 10,000. */
  readonly maxUnknownFields?: number;
  /**
   * Also run every validation rule (`assertValid`) on the decoded message and throw its
   * `ValidationError` when a rule with severity "error" fails.
   */
  readonly validate?: boolean;
}

/**
 * Decode protobuf binary into a message of `schema`, or throw a `DecodeError` whose issues carry
 * the code, the field path and the byte offset. Strict, where protobuf-es is lenient:
 * - `truncated`, `invalid_varint`, `invalid_tag`, `invalid_end_group`: not protobuf;
 * - `wire_type_mismatch`: a known field sent with a wire type its type cannot have;
 * - `invalid_utf8` in string fields; `unknown_enum_value` for closed enums (singular, repeated,
 *   packed, map values);
 * - `required_field_missing` (every one, judged after protobuf's merge of repeated occurrences;
 *   `{ required: false }` skips this check only);
 * - `input_too_large` (maxBytes), `max_depth_exceeded` (maxDepth, any depth, groups included),
 *   `too_many_unknown_fields` (maxUnknownFields), `invalid_option`, `invalid_input`.
 * Unknown fields (groups included) are kept and written back byte-identically by `encode`; map
 * entries' unknown fields are dropped. The message never shares memory with `bytes`.
 */
export function decode<Desc extends DescMessage>(
  schema: Desc,
  bytes: Uint8Array,
  options?: DecodeOptions,
): MessageShape<Desc> {
  return decodeUsing(generatedCodec(schema), schema, bytes, options);
}

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

/** Internal (differential tests, bench): `decode` by the reflective reader only. */
export function reflectiveDecode<Desc extends DescMessage>(
  schema: Desc,
  bytes: Uint8Array,
  options?: DecodeOptions,
): MessageShape<Desc> {
  return decodeUsing(undefined, schema, bytes, options);
}

/** Internal: `decode` reading the bytes with `codec` (undefined: the reflective reader). */
export function decodeUsing<Desc extends DescMessage>(
  codec: GeneratedCodec<Desc> | undefined,
  schema: Desc,
  bytes: Uint8Array,
  options: DecodeOptions | undefined,
): MessageShape<Desc> {
  const limits = limitsOf(schema.typeName, options);
  if (!(bytes instanceof Uint8Array)) {
    throw decodeError(
      schema.typeName,
      "invalid_input",
      [],
      `expected a Uint8Array, got ${describe(bytes)}`,
    );
  }
  checkSize(schema.typeName, bytes.length, limits, "bytes");
  // No result: known messages nest deeper than generated code recurses; read iteratively.
  const { message, starts } = codec?.read(bytes, limits) ?? readBinary(schema, bytes, limits);
  if (limits.required && starts !== undefined)
    assertRequired(schema, message, (m) => starts.get(m));
  // Fused: with required fields checked, the message just read cannot fail a structural check,
  // and nobody else holds it yet, so only the domain rules run (src/validation/validate-decoded.ts).
  if (options?.validate === true) {
    if (limits.required) assertValidDecoded(schema, message);
    else assertValid(schema, message);
  }
  return message;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return typeof value;
}
