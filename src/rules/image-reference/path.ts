// The repository path ("remote name"): path-component ("/" path-component)*, where
// path-component = [a-z0-9]+ (separator [a-z0-9]+)* and separator = "." | "_" | "__" | "-"+
// (distribution/reference's regexp.go since e60f347; its earlier "-"* let regex ports of the
// grammar backtrack exponentially on long runs of separators).
// One forward pass: every character is looked at a bounded number of times.

import {
  AT,
  COLON,
  DASH,
  DOT,
  isLowerAlnum,
  isSeparatorChar,
  isUpper,
  SLASH,
  UNDERSCORE,
} from "./chars.js";
import { type ImageReferenceError, quote, quoteCharAt, referenceError } from "./error.js";

/** distribution/reference RepositoryNameTotalLengthMax; v0.6.0 counts the path only. */
export const REPOSITORY_PATH_MAX_LENGTH = 255;

const SEPARATOR_RULE =
  'between lowercase letters and digits use one ".", one or two "_", or any number of "-"';

/**
 * Index of the first ASCII uppercase letter of the path, i.e. before the first ":" or "@"
 * (upstream checks `strings.ToLower(remote) != remote` before anything else), or -1.
 */
export function findUppercase(input: string, start: number): number {
  for (let i = start; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === COLON || c === AT) return -1;
    if (isUpper(c)) return i;
  }
  return -1;
}

/**
 * Scans the path from `start`. Returns the index where it ends (":", "@" or the end of input), or
 * the error at the first character that breaks the grammar.
 */
export function scanPath(input: string, start: number): number | ImageReferenceError {
  const n = input.length;
  let i = start;
  let separator = -1; // index of the separator just read; -1 at the start of a component
  for (;;) {
    if (!isLowerAlnum(input.charCodeAt(i))) {
      return separator < 0
        ? componentStartError(input, start, i)
        : separatorError(input, separator, i);
    }
    i++;
    while (isLowerAlnum(input.charCodeAt(i))) i++;
    if (i >= n) return i;
    const c = input.charCodeAt(i);
    if (c === COLON || c === AT) return i;
    separator = i;
    if (c === SLASH) {
      separator = -1;
      i++;
    } else if (c === DOT) {
      i++;
    } else if (c === UNDERSCORE) {
      i++;
      if (input.charCodeAt(i) === UNDERSCORE) i++;
    } else if (c === DASH) {
      do i++;
      while (input.charCodeAt(i) === DASH);
    } else {
      return unexpected(input, i);
    }
  }
}

function componentStartError(input: string, start: number, i: number): ImageReferenceError {
  const c = input.charCodeAt(i);
  if (i >= input.length || c === COLON || c === AT) {
    return i === start
      ? referenceError(
          input,
          "invalid_format",
          i,
          'the repository name is missing (e.g. "busybox" or "registry.example.com/team/app")',
        )
      : referenceError(input, "invalid_format", i - 1, 'the repository path ends with "/"');
  }
  if (c === SLASH) {
    return referenceError(input, "invalid_format", i, 'empty path component ("//")');
  }
  if (isSeparatorChar(c)) {
    return referenceError(
      input,
      "invalid_format",
      i,
      `a path component cannot start with ${quoteCharAt(input, i)}; it starts with a lowercase letter or digit`,
    );
  }
  return unexpected(input, i);
}

function separatorError(input: string, separator: number, i: number): ImageReferenceError {
  const c = input.charCodeAt(i);
  if (isSeparatorChar(c)) {
    let end = i + 1;
    while (isSeparatorChar(input.charCodeAt(end))) end++;
    return referenceError(
      input,
      "invalid_format",
      separator,
      `${quote(input.slice(separator, end))} is not a valid separator; ${SEPARATOR_RULE}`,
    );
  }
  if (i >= input.length || c === SLASH || c === COLON || c === AT) {
    return referenceError(
      input,
      "invalid_format",
      separator,
      `a path component cannot end with ${quote(input.slice(separator, i))}; ${SEPARATOR_RULE}`,
    );
  }
  return unexpected(input, i);
}

function unexpected(input: string, i: number): ImageReferenceError {
  return referenceError(
    input,
    "invalid_format",
    i,
    `unexpected ${quoteCharAt(input, i)} in the repository path (allowed: lowercase letters, digits, ".", "_", "-", and "/" between components)`,
  );
}
