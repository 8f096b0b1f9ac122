// Error codes and message building for parseImageReference. One place for the wording, so every
// failure reads the same way: what is wrong, the offending part quoted, the offset, how to fix it.

/**
 * Every way an image reference can be refused. Closed union, snake_case (see the README rule
 * table): upstream's own error for each code is named in the comment.
 */
export const IMAGE_REFERENCE_ERROR_CODES = [
  /** The input is the empty string (upstream ErrNameEmpty). */
  "empty",
  /** Longer than the length cap (4096 by default); refused before any scanning. */
  "too_long",
  /** A bare 64-hex image ID, which `docker run` would not treat as a repository name. */
  "hex_id_not_allowed",
  /** Overall shape or repository path grammar (upstream ErrReferenceInvalidFormat). */
  "invalid_format",
  /** The registry host or port (upstream ErrReferenceInvalidFormat; our own code). */
  "invalid_domain",
  /** Uppercase letters in the repository path (upstream "repository name must be lowercase"). */
  "uppercase",
  /** Repository path longer than 255 characters (upstream ErrNameTooLong). */
  "name_too_long",
  /** The tag after ":" (grammar `[\w][\w.-]{0,127}`). */
  "invalid_tag",
  /** Digest grammar, or go-digest's "invalid checksum digest format". */
  "invalid_digest",
  /** A well-formed digest whose algorithm is not registered (go-digest ErrDigestUnsupported). */
  "unsupported_digest",
  /** sha256/sha512 with the wrong number of hex digits (go-digest ErrDigestInvalidLength). */
  "invalid_digest_length",
] as const;

export type ImageReferenceErrorCode = (typeof IMAGE_REFERENCE_ERROR_CODES)[number];

/** Why a string is not an image reference. */
export interface ImageReferenceError {
  readonly code: ImageReferenceErrorCode;
  /** What is wrong, the offending part, where, and how to fix it. */
  readonly message: string;
  /**
   * Index into the input (UTF-16 code units) where the problem starts. Every character a valid
   * reference may hold is ASCII, and scanning stops at the first character that does not fit, so
   * for all practical inputs this is also the UTF-8 byte offset.
   */
  readonly offset?: number;
}

// Long inputs are cut in messages so that a 4 KiB hostile string does not produce a 4 KiB message.
const QUOTE_MAX = 80;

/** JSON-style quoting (control characters escaped), shortened with "…" past QUOTE_MAX. */
export function quote(text: string): string {
  return JSON.stringify(text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text);
}

/** The character (whole code point) at `offset`, quoted; "end of input" past the end. */
export function quoteCharAt(input: string, offset: number): string {
  const cp = input.codePointAt(offset);
  return cp === undefined ? "end of input" : JSON.stringify(String.fromCodePoint(cp));
}

/** Builds the error; `detail` says what is wrong and how to fix it. */
export function referenceError(
  input: string,
  code: ImageReferenceErrorCode,
  offset: number,
  detail: string,
): ImageReferenceError {
  return {
    code,
    message: `invalid image reference ${quote(input)}: ${detail} (at offset ${offset})`,
    offset,
  };
}
