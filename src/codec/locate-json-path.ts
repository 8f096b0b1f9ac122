// Where a path's value sits in JSON text, for error messages that point into the user's file
// (the CLI shows line and column). One pass of the JSON reader, which notes positions on the way.
import type { IssuePath } from "../problems/index.js";
import { type Found, lineAndColumn, readJson } from "./read-json.js";

/**
 * The position of the value at `path` in `text` (offset in UTF-16 code units, 1-based line and
 * column), or of the deepest enclosing value that exists (a missing field points at its message);
 * undefined when not even the root value can be found. Text that is not valid JSON is read up
 * to the error, so a path before it is still found.
 */
export function locateJsonPath(
  text: string,
  path: IssuePath,
): { offset: number; line: number; column: number } | undefined {
  const found: Found = { depth: -1, offset: 0 };
  try {
    readJson(text, Number.MAX_SAFE_INTEGER, "JSON", path, found);
  } catch {
    // Invalid JSON: keep what was found before the error.
  }
  if (found.depth < 0) return undefined;
  return { offset: found.offset, ...lineAndColumn(text, found.offset) };
}
