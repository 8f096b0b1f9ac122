// Character classes of the reference grammar as char-code tests: no regular expressions, so the
// scanner stays linear whatever the input (JS RegExp backtracks on the Go grammar's patterns).
// `charCodeAt` past the end gives NaN, for which every test below is false.

export const SLASH = 0x2f; // "/"
export const COLON = 0x3a; // ":"
export const AT = 0x40; // "@"
export const DOT = 0x2e; // "."
export const DASH = 0x2d; // "-"
export const UNDERSCORE = 0x5f; // "_"
export const PLUS = 0x2b; // "+"
export const OPEN_BRACKET = 0x5b; // "["
export const CLOSE_BRACKET = 0x5d; // "]"

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

export function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

export function isAlpha(c: number): boolean {
  return isLower(c) || isUpper(c);
}

/** `[a-z0-9]`: the repository path alphabet. */
export function isLowerAlnum(c: number): boolean {
  return isLower(c) || isDigit(c);
}

/** `[a-zA-Z0-9]`: registry host labels and digest algorithm components. */
export function isAlnum(c: number): boolean {
  return isAlpha(c) || isDigit(c);
}

/** `[a-f0-9]`: the only hex go-digest accepts in an encoded sha256/sha512. */
export function isLowerHex(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66);
}

/** `[0-9a-fA-F]`: the grammar's `[[:xdigit:]]`. */
export function isHex(c: number): boolean {
  return isLowerHex(c) || (c >= 0x41 && c <= 0x46);
}

/** `\w` as Go's RE2 defines it: `[0-9A-Za-z_]`. */
export function isWord(c: number): boolean {
  return isAlnum(c) || c === UNDERSCORE;
}

/** The path component separators' characters: ".", "_", "-". */
export function isSeparatorChar(c: number): boolean {
  return c === DOT || c === UNDERSCORE || c === DASH;
}
