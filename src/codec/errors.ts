// The codec's failures are the problems vocabulary's DecodeError / EncodeError (re-exported here
// for the files that name them), built from Issues by these two helpers so that every issue of
// the codec has severity "error", a copied path and, for input, an offset.
import { DecodeError, type Issue, type IssueCode, type IssuePath } from "../problems/index.js";

export { DecodeError, EncodeError } from "../problems/index.js";

/** One error issue; `offset` only when it is known (bytes or characters into the input). */
export function issue(code: IssueCode, path: IssuePath, message: string, offset?: number): Issue {
  return offset === undefined
    ? { code, severity: "error", path: path.slice(), message }
    : { code, severity: "error", path: path.slice(), message, offset };
}

/** A DecodeError with one issue; `what` is the type being decoded. */
export function decodeError(
  typeName: string,
  code: IssueCode,
  path: IssuePath,
  message: string,
  offset?: number,
): DecodeError {
  return new DecodeError(`cannot decode ${typeName}`, [issue(code, path, message, offset)]);
}
