// The codec's failures are the problems vocabulary's DecodeError / EncodeError (re-exported here
// for the tests that name them); decodeError builds one from a single Issue, so that every issue
// of a decode has severity "error", a copied path and, for input, an offset.
import { DecodeError, errorIssue, type IssueCode, type IssuePath } from "../problems/index.js";

export { DecodeError, EncodeError } from "../problems/index.js";

/** A DecodeError with one issue; `typeName` is the type being decoded. */
export function decodeError(
  typeName: string,
  code: IssueCode,
  path: IssuePath,
  message: string,
  offset?: number,
): DecodeError {
  return new DecodeError(`cannot decode ${typeName}`, [errorIssue(code, path, message, offset)]);
}
