// The tag after ":": `[\w][\w.-]{0,127}` (regexp.go), i.e. 1–128 characters of letters, digits,
// "_", "." and "-", not starting with "." or "-". Uppercase is allowed in tags.

import { AT, COLON, DASH, DOT, isWord, SLASH } from "./chars.js";
import { type ImageReferenceError, quoteCharAt, referenceError } from "./error.js";

export const TAG_MAX_LENGTH = 128;

const TAG_RULE = 'a tag is letters, digits, "_", "." and "-"';

/** Scans the tag from `start`; returns where it ends ("@" or the end of input) or the error. */
export function scanTag(input: string, start: number): number | ImageReferenceError {
  const n = input.length;
  const first = input.charCodeAt(start);
  if (!isWord(first)) {
    const detail =
      start >= n || first === AT
        ? 'the tag after ":" is empty (remove the ":" or give a tag such as "latest")'
        : first === DOT || first === DASH
          ? `a tag cannot start with ${quoteCharAt(input, start)}; it starts with a letter, digit or "_"`
          : `unexpected ${quoteCharAt(input, start)} at the start of the tag; ${TAG_RULE}`;
    return referenceError(input, "invalid_tag", start, detail);
  }
  let i = start + 1;
  for (; i < n; i++) {
    const c = input.charCodeAt(i);
    if (isWord(c) || c === DOT || c === DASH) continue;
    if (c === AT) break;
    const detail =
      c === SLASH || c === COLON
        ? `a tag cannot contain ${quoteCharAt(input, i)}; ${TAG_RULE}`
        : `unexpected ${quoteCharAt(input, i)} in the tag; ${TAG_RULE}`;
    return referenceError(input, "invalid_tag", i, detail);
  }
  const length = i - start;
  if (length > TAG_MAX_LENGTH) {
    return referenceError(
      input,
      "invalid_tag",
      start + TAG_MAX_LENGTH,
      `the tag is ${length} characters long; the limit is ${TAG_MAX_LENGTH}`,
    );
  }
  return i;
}
