// safeDecode: the non-throwing twin of decode.
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import { ValidationError } from "../problems/index.js";
import { type DecodeOptions, decode } from "./decode.js";
import { DecodeError } from "./errors.js";

/** The result of safeDecode / safeFromMesosJson. */
export type SafeDecodeResult<T, E = DecodeError> =
  | { readonly success: true; readonly message: T }
  | { readonly success: false; readonly error: E };

/** The error type of safeDecode: a ValidationError is possible only with `validate: true`. */
export type SafeDecodeError<O> = "validate" extends keyof O
  ? true extends O["validate" & keyof O]
    ? DecodeError | ValidationError
    : DecodeError
  : DecodeError;

/**
 * Like `decode`, but returns `{ success: false, error }` instead of throwing the DecodeError (or,
 * with `validate: true`, the ValidationError).
 */
export function safeDecode<
  Desc extends DescMessage,
  O extends DecodeOptions = Record<never, never>,
>(
  schema: Desc,
  bytes: Uint8Array,
  options?: O,
): SafeDecodeResult<MessageShape<Desc>, SafeDecodeError<O>> {
  try {
    return { success: true, message: decode(schema, bytes, options) };
  } catch (error) {
    if (error instanceof DecodeError || error instanceof ValidationError) {
      return { success: false, error: error as SafeDecodeError<O> };
    }
    throw error;
  }
}
