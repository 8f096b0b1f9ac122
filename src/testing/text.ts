// Character and string arbitraries shared by the domain arbitraries. Each string is mostly
// readable ASCII (small counterexamples are easy to read) with a share of any Unicode code point,
// sanitized by `map` (never `filter`) where a rule forbids a character, so shrinking stays useful.
import * as fc from "fast-check";

const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Any one code point except lone surrogates (UTF-8 safe). */
const anyCodePoint = fc.string({ unit: "binary", minLength: 1, maxLength: 1 });

// Unicode category Cc: C0 controls, DEL and C1 controls. Mesos rejects control characters in IDs,
// and our rules reject them in volume paths.
const CONTROL = /\p{Cc}/u;

/** A character: mostly from `ascii`, sometimes any code point that `forbidden` does not match. */
function textUnit(ascii: string, forbidden: RegExp): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...ascii), weight: 6 },
    // A forbidden code point becomes "_": a map keeps shrinking intact where a filter would not.
    { arbitrary: anyCodePoint.map((c) => (forbidden.test(c) ? "_" : c)), weight: 1 },
  );
}

// NUL is the one code point free text may not hold: commands, arguments and environment
// variables reach exec as C strings, which end at a NUL (rule string_contains_nul).
const NUL = /\0/;

/** Any string of `minLength` to `maxLength` code points (non-ASCII and astral included; no NUL). */
export function anyText(maxLength = 12, minLength = 0): fc.Arbitrary<string> {
  return fc.string({ unit: textUnit(`${ALNUM} -_.`, NUL), minLength, maxLength });
}

/** The characters an ID or a path segment may hold: no control character, no separators. */
export function safeText(
  forbidden: RegExp,
  minLength: number,
  maxLength: number,
): fc.Arbitrary<string> {
  const forbid = new RegExp(`${CONTROL.source}|${forbidden.source}`, "u");
  return fc.string({ unit: textUnit(`${ALNUM}-_. ,=+@~`, forbid), minLength, maxLength });
}

/** An identifier-like name: `[A-Za-z_][A-Za-z0-9_]*` (environment variables). */
export function identifier(maxLength = 10): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"),
      fc.string({ unit: fc.constantFrom(...`${ALNUM}_`), maxLength: maxLength - 1 }),
    )
    .map(([first, rest]) => first + rest);
}

/** A string over `chars` of `minLength`–`maxLength` characters. */
export function charsOf(chars: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...chars), minLength, maxLength });
}
