// The typed errors an input can produce, as one FileError shape for stderr and --json. Messages
// read "<code> at <path>, byte offset <n>: <detail>" as the codec writes them. Anything else is a
// bug in this package and is rethrown for main.ts to report as such.
import { DecodeError, EncodeError } from "../codec/index.js";
import { InputError } from "./read-input.js";
import type { FileError } from "./report.js";

// The codec speaks in API options; on the command line the same switches are flags.
const CLI_HINTS: Readonly<Record<string, string>> = {
  unknown_field: " (on the command line: --ignore-unknown-fields)",
  input_too_large: " (on the command line: --max-bytes)",
};

export function toFileError(error: unknown): FileError {
  if (error instanceof DecodeError || error instanceof EncodeError) {
    return {
      code: error.code,
      message: `${error.message}${CLI_HINTS[error.code] ?? ""}`,
      ...(error.path.length > 0 ? { path: [...error.path] } : {}),
      ...(error.offset !== undefined ? { offset: error.offset } : {}),
    };
  }
  if (error instanceof InputError) {
    return { code: error.code, message: `${error.code}: ${error.message}` };
  }
  throw error;
}
