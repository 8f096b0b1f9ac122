// The digest after "@". Two stages, as upstream: the reference grammar
//   algorithm ":" hex, algorithm = [A-Za-z][A-Za-z0-9]* ([-_+.] [A-Za-z][A-Za-z0-9]*)*,
//   hex = [0-9a-fA-F]{32,}
// then go-digest's Parse: the algorithm must be registered and the encoded part must fit it.
//
// Registered algorithms: sha256 (64 lowercase hex) and sha512 (128), as go-digest HEAD registers
// by default. sha384 (96) is defined by go-digest but must be registered by hand at HEAD, so it is
// refused here as unsupported; a docker CLI built with go-digest v1.0.0 and crypto/sha512 linked
// accepts it. We follow HEAD: registries and the OCI spec use sha256 (and rarely sha512).

import {
  COLON,
  DASH,
  DOT,
  isAlnum,
  isAlpha,
  isHex,
  isLowerHex,
  isUpper,
  PLUS,
  UNDERSCORE,
} from "./chars.js";
import { type ImageReferenceError, quote, quoteCharAt, referenceError } from "./error.js";

/**
 * Hex digits a registered algorithm takes, 0 when it is not registered. A comparison, not an object
 * lookup: an algorithm named "constructor" must not find Object.prototype.constructor.
 */
function encodedLength(algorithm: string): number {
  return algorithm === "sha256" ? 64 : algorithm === "sha512" ? 128 : 0;
}
const MIN_HEX = 32;
const EXAMPLE = 'e.g. "sha256:" and 64 lowercase hex digits';

/**
 * Scans the digest grammar from `start` (just after "@") to the end of input. Returns the index
 * of the ":" between algorithm and hex, or the error.
 */
export function scanDigest(input: string, start: number): number | ImageReferenceError {
  const n = input.length;
  let i = start;
  for (;;) {
    if (!isAlpha(input.charCodeAt(i))) {
      const detail =
        i >= n && i === start
          ? `the digest after "@" is empty (${EXAMPLE})`
          : `a digest algorithm name part must start with a letter, found ${quoteCharAt(input, i)} (${EXAMPLE})`;
      return referenceError(input, "invalid_digest", i, detail);
    }
    i++;
    while (isAlnum(input.charCodeAt(i))) i++;
    const c = input.charCodeAt(i);
    if (c === COLON) break;
    if (c === DASH || c === UNDERSCORE || c === PLUS || c === DOT) {
      i++;
      continue;
    }
    const detail =
      i >= n
        ? `the digest has no ":" between algorithm and hex digits (${EXAMPLE})`
        : `unexpected ${quoteCharAt(input, i)} in the digest algorithm (${EXAMPLE})`;
    return referenceError(input, "invalid_digest", i, detail);
  }
  const colon = i;
  i++;
  while (isHex(input.charCodeAt(i))) i++;
  if (i < n) {
    return referenceError(
      input,
      "invalid_digest",
      i,
      `the digest after ":" must be hex digits, found ${quoteCharAt(input, i)}`,
    );
  }
  const hexLength = n - colon - 1;
  if (hexLength < MIN_HEX) {
    return referenceError(
      input,
      "invalid_digest",
      colon + 1,
      `the digest has ${hexLength} hex digits; at least ${MIN_HEX} are required (sha256 takes 64)`,
    );
  }
  return colon;
}

/** go-digest's checks on a digest that passed scanDigest (`colon` as it returned). */
export function checkDigest(
  input: string,
  start: number,
  colon: number,
): ImageReferenceError | undefined {
  const algorithm = input.slice(start, colon);
  const expected = encodedLength(algorithm);
  if (expected === 0) {
    // go-digest: an unregistered algorithm is "unsupported" only when the digest matches its own
    // lowercase-only regexp; otherwise it is "invalid format".
    for (let i = start; i < colon; i++) {
      if (isUpper(input.charCodeAt(i))) {
        return referenceError(
          input,
          "invalid_digest",
          i,
          `digest algorithms are lowercase: use ${quote(algorithm.toLowerCase())}`,
        );
      }
    }
    const sha384 =
      algorithm === "sha384" ? " (sha384 is not registered by default in go-digest)" : "";
    return referenceError(
      input,
      "unsupported_digest",
      start,
      `unsupported digest algorithm ${quote(algorithm)}${sha384}; use sha256 (64 hex digits) or sha512 (128)`,
    );
  }
  const hexStart = colon + 1;
  const hexLength = input.length - hexStart;
  if (hexLength !== expected) {
    return referenceError(
      input,
      "invalid_digest_length",
      hexStart,
      `a ${algorithm} digest has exactly ${expected} hex digits, found ${hexLength}`,
    );
  }
  for (let i = hexStart; i < input.length; i++) {
    if (!isLowerHex(input.charCodeAt(i))) {
      return referenceError(
        input,
        "invalid_digest",
        i,
        `${algorithm} hex digits must be lowercase, found ${quoteCharAt(input, i)}`,
      );
    }
  }
  return undefined;
}
