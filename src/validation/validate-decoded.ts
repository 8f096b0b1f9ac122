// validate for a message the strict decoder has just built: the domain rules alone (rules-only.ts).
//
// Why the issues are the same as validate's: the structural steps of validate report a missing
// required field, a closed-enum value the enum does not define (set, or parked in `$unknown`), an
// unpaired surrogate in a string, or a value that does not have the generated shape. A message
// returned by the strict `decode` with `required` on has none of these: decode throws on every
// one of them (required_field_missing at any depth, unknown_enum_value, invalid_utf8, and it
// builds the generated shape itself). What is left is the domain rules, which the rules-only
// walker runs on the same messages, with the same flags, in the same order; validate then sorts
// both lists by path the same way. The properties in test/fused/ hold the two
// together on valid, near-miss and mutated inputs of both schemas.
//
// Why it is sound to skip the structural steps here, but not for any message that "was decoded
// once": a message is a plain mutable object, and a caller may change a nested field after decode
// (delete a required field, store an unknown enum number) without the root knowing. So this is
// internal: only the fused calls use it (decode(..., { validate: true }) and decodeLaunch), on the
// message decode returned a moment earlier, before any code outside this library could see it.
import type { DescMessage, MessageShape, MessageValidType } from "@bufbuild/protobuf";
import { dataOrThrow } from "./assert-valid.js";
import { type ValidateOptions, type ValidationResult, verdict } from "./validate.js";

/**
 * Internal. validate(schema, message, options) for `message` fresh from the strict decode (with
 * required-field checks on) and not yet handed to anyone: the same result, without the
 * structural walk.
 */
export function validateDecoded<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
  options?: ValidateOptions,
): ValidationResult<Desc> {
  return verdict(schema, message, options, true);
}

/** Internal. assertValid for a message fresh from the strict decode (as validateDecoded). */
export function assertValidDecoded<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
): MessageValidType<Desc> {
  return dataOrThrow(schema, validateDecoded(schema, message));
}
