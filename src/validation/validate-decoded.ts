// validate for a message the strict decoder has just built: the domain rules alone (rules-only.ts).
//
// Why the issues are the same as validate's: its structural steps report a missing required
// field, a closed-enum value the enum does not define (set, or parked in `$unknown`), an unpaired
// surrogate, or a value without the generated shape, and the strict `decode` with `required` on
// throws on every one of them (required_field_missing at any depth, unknown_enum_value,
// invalid_utf8) and builds the shape itself. The rules-only walker runs the domain rules on the
// same messages, with the same flags, in the same order, and both lists are sorted alike; the
// properties in test/fused/ hold the two together on valid, near-miss and mutated inputs.
//
// Internal, and only for a message decode returned a moment earlier (the fused decode(...,
// { validate: true }) and decodeLaunch), not one that "was decoded once": a message is a plain
// mutable object, and a caller may delete a required field or store an unknown enum number in it.
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
