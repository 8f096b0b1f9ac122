// assertValid: the throwing twin of validate.
import type { DescMessage, MessageShape, MessageValidType } from "@bufbuild/protobuf";
import { type Issue, ValidationError } from "../problems/index.js";
import { type ValidateOptions, type ValidationResult, validate } from "./validate.js";

/**
 * Validate `message` and throw a `ValidationError` (with every issue, warnings included) when
 * some issue is an error. Warnings alone do not throw. Returns the message typed as the valid
 * type (required fields are not optional: `assertValid(TaskInfoSchema, t).taskId.value`).
 */
export function assertValid<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
  options?: ValidateOptions,
): MessageValidType<Desc> {
  return dataOrThrow(schema, validate(schema, message, options));
}

/** The valid message of `result`, or the ValidationError assertValid throws. */
export function dataOrThrow<Desc extends DescMessage>(
  schema: Desc,
  result: ValidationResult<Desc>,
): MessageValidType<Desc> {
  // A failed validation has at least one (error) issue.
  if (!result.success) {
    throw new ValidationError(
      `${schema.typeName} is invalid`,
      result.issues as [Issue, ...Issue[]],
    );
  }
  return result.data;
}
