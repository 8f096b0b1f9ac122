// assertValid: the throwing twin of validate.
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import { type ValidateOptions, validate } from "./validate.js";
import { ValidationError } from "./validation-error.js";

/**
 * Validate `message` and throw a `ValidationError` (with every issue, warnings included) when
 * some issue is an error. Warnings alone do not throw. Returns the message, for chaining.
 */
export function assertValid<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
  options?: ValidateOptions,
): MessageShape<Desc> {
  const result = validate(schema, message, options);
  if (!result.success) throw new ValidationError(result.issues, schema.typeName);
  return message;
}
