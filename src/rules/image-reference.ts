// parseImageReference: Docker image references as the docker CLI reads them
// (distribution/reference v0.6.0 `ParseNormalizedNamed`, go-digest for digests), by a hand-written
// scanner. No regular expressions: the Go grammar ported to JS RegExp backtracks, and the
// published JS ports hang on 35-character inputs. Each stage below is one forward pass, so the
// parse is linear in the input length; inputs over a cap (4096 by default) are refused unscanned.
//
// Where we knowingly differ from ParseNormalizedNamed (all are refusals of odd inputs):
// - A first component read as a registry (it has ".", ":" or uppercase) that is not a valid host,
//   e.g. "my_registry.local/app": upstream falls back to a domain-less name "my_registry.local/app"
//   (its name regexp makes the domain optional), which no registry can serve; we report
//   invalid_domain. Likewise "Foo_Bar/app" is invalid_domain here, uppercase upstream.
// - Digests: sha256 and sha512 only (go-digest HEAD's defaults); see ./image-reference/digest.ts.
// - Inputs longer than the cap (only a > 3.5 KB registry host could be valid upstream).
// - Uppercase is looked for in the path only; upstream lowercase-checks everything before the
//   first ":", so "busybox@SHA256:…" is "uppercase" there and "invalid_digest" here.

import { AT, COLON, isLowerHex, SLASH } from "./image-reference/chars.js";
import { checkDigest, scanDigest } from "./image-reference/digest.js";
import {
  checkDomain,
  classifyFirstComponent,
  DEFAULT_DOMAIN,
  type FirstComponent,
} from "./image-reference/domain.js";
import {
  type ImageReferenceError,
  type ImageReferenceErrorCode,
  quote,
  referenceError,
} from "./image-reference/error.js";
import { findUppercase, REPOSITORY_PATH_MAX_LENGTH, scanPath } from "./image-reference/path.js";
import { scanTag } from "./image-reference/tag.js";

export {
  IMAGE_REFERENCE_ERROR_CODES,
  type ImageReferenceError,
  type ImageReferenceErrorCode,
} from "./image-reference/error.js";

/** Default cap on the input length; longer inputs fail with `too_long` before any scanning. */
export const IMAGE_REFERENCE_MAX_LENGTH = 4096;

/** A parsed, normalized image reference. */
export interface ImageReference {
  /** Normalized repository name, domain included: "docker.io/library/busybox". */
  readonly name: string;
  /** Registry host[:port], as written except "index.docker.io" → "docker.io": "docker.io". */
  readonly domain: string;
  /** Repository path, with "library/" added for single-component Docker Hub names. */
  readonly path: string;
  /** The tag, when one is given (no "latest" is added). */
  readonly tag?: string;
  /** The digest "algorithm:hex", when one is given. Kept together with a tag when both are. */
  readonly digest?: string;
  /**
   * The short form the docker CLI prints: "docker.io/" and "library/" dropped ("busybox:1.36").
   * Unlike upstream FamiliarString it always parses back to this reference: it keeps
   * "docker.io/" when the first path component would be read as a registry ("docker.io/a.b/c"),
   * and "library/" when the name alone would be a bare 64-hex ID.
   */
  readonly familiar: string;
  /** The normalized full reference: name[:tag][@digest]. Parses back to this reference. */
  readonly string: string;
}

export type ImageReferenceResult =
  | { readonly success: true; readonly reference: ImageReference }
  | { readonly success: false; readonly error: ImageReferenceError };

export interface ImageReferenceOptions {
  /**
   * Inputs longer than this fail with `too_long` before scanning. Default
   * IMAGE_REFERENCE_MAX_LENGTH (4096); raise it only to measure the scanner on huge inputs.
   */
  readonly maxLength?: number;
}

const LIBRARY_PREFIX = "library/";

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Parses an image reference as `docker run`/`docker pull` do (ParseNormalizedNamed), returning
 * the normalized parts or a typed error. Never throws.
 *
 * @example parseImageReference("busybox:1.36") // name "docker.io/library/busybox", tag "1.36"
 */
export function parseImageReference(
  input: string,
  options?: ImageReferenceOptions,
): ImageReferenceResult {
  if (typeof input !== "string") {
    return failure({
      code: "invalid_format",
      message: `invalid image reference: expected a string, got ${input === null ? "null" : typeof input}`,
    });
  }
  const n = input.length;
  if (n === 0) {
    return fail(input, "empty", 0, 'the reference is empty; give an image such as "busybox:1.36"');
  }
  const maxLength = options?.maxLength ?? IMAGE_REFERENCE_MAX_LENGTH;
  if (n > maxLength) {
    return fail(
      input,
      "too_long",
      maxLength,
      `the reference is ${n} characters long; the limit is ${maxLength}`,
    );
  }
  if (n === 64 && isHexIdentifier(input)) {
    return fail(
      input,
      "hex_id_not_allowed",
      0,
      'a bare 64-hex image ID is not a repository name; pin content with "name@sha256:<64 hex>"',
    );
  }

  // splitDockerDomain: the text before the first "/" is the registry only if it looks like one.
  const slash = input.indexOf("/");
  let kind: FirstComponent = "path";
  let domain = DEFAULT_DOMAIN;
  let pathStart = 0;
  if (slash >= 0) {
    if (
      slash > 0 &&
      input.charCodeAt(slash - 1) === COLON &&
      input.charCodeAt(slash + 1) === SLASH
    ) {
      return urlError(input, slash);
    }
    kind = classifyFirstComponent(input, slash);
    if (kind !== "path") {
      pathStart = slash + 1;
      if (kind !== "legacy_default") domain = input.slice(0, slash);
    }
  }
  // Upstream rejects uppercase in the path before it checks any grammar (the registry's too), so
  // we do the same and give the same first complaint.
  const upper = findUppercase(input, pathStart);
  if (upper >= 0) return uppercaseError(input, pathStart, upper);
  if (kind === "host_like" || kind === "uppercase") {
    const error = checkDomain(input, slash, kind);
    if (error !== undefined) return failure(error);
  }
  // Docker Hub's official images live under "library/": "busybox" is "library/busybox".
  const prefix =
    domain === DEFAULT_DOMAIN && (slash < 0 || input.indexOf("/", pathStart) < 0)
      ? LIBRARY_PREFIX
      : "";

  const pathEnd = scanPath(input, pathStart);
  if (typeof pathEnd !== "number") return failure(pathEnd);
  let i = pathEnd;
  let tagEnd = -1;
  if (input.charCodeAt(i) === COLON) {
    const end = scanTag(input, i + 1);
    if (typeof end !== "number") return failure(end);
    tagEnd = end;
    i = end;
  }
  let digestStart = -1;
  let digestColon = -1;
  if (i < n) {
    // scanPath and scanTag stop only at ":", "@" or the end, and a tag ends at "@".
    digestStart = i + 1;
    const colon = scanDigest(input, digestStart);
    if (typeof colon !== "number") return failure(colon);
    digestColon = colon;
  }

  const pathLength = prefix.length + pathEnd - pathStart;
  if (pathLength > REPOSITORY_PATH_MAX_LENGTH) {
    const counted = prefix === "" ? "" : ` (with the "${LIBRARY_PREFIX}" Docker Hub adds)`;
    return fail(
      input,
      "name_too_long",
      pathStart + REPOSITORY_PATH_MAX_LENGTH - prefix.length,
      `the repository path is ${pathLength} characters long${counted}; the limit is ${REPOSITORY_PATH_MAX_LENGTH}`,
    );
  }
  if (digestStart >= 0) {
    const error = checkDigest(input, digestStart, digestColon);
    if (error !== undefined) return failure(error);
  }

  const path = prefix + input.slice(pathStart, pathEnd);
  const tag = tagEnd >= 0 ? input.slice(pathEnd + 1, tagEnd) : undefined;
  const digest = digestStart >= 0 ? input.slice(digestStart) : undefined;
  return { success: true, reference: buildReference(domain, path, tag, digest) };
}

function buildReference(
  domain: string,
  path: string,
  tag: string | undefined,
  digest: string | undefined,
): ImageReference {
  const name = `${domain}/${path}`;
  let suffix = "";
  if (tag !== undefined) suffix += `:${tag}`;
  if (digest !== undefined) suffix += `@${digest}`;
  const familiar = familiarName(domain, path, suffix) + suffix;
  const reference: Writable<ImageReference> = {
    name,
    domain,
    path,
    familiar,
    string: name + suffix,
  };
  // Absent parts are left out rather than set to undefined ("tag" in reference is meaningful).
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/** True when `value` is a string that parseImageReference accepts. */
export function isImageReference(value: unknown): boolean {
  return typeof value === "string" && parseImageReference(value).success;
}

/** upstream anchoredIdentifierRegexp: `^[a-f0-9]{64}$` (the caller checks the length). */
function isHexIdentifier(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    if (!isLowerHex(input.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * upstream familiarizeName, kept reversible: the result must parse back to the same name.
 * `suffix` is ":tag@digest" (possibly empty).
 */
function familiarName(domain: string, path: string, suffix: string): string {
  if (domain !== DEFAULT_DOMAIN) return `${domain}/${path}`;
  let short = path;
  if (path.startsWith(LIBRARY_PREFIX) && path.indexOf("/", LIBRARY_PREFIX.length) < 0) {
    short = path.slice(LIBRARY_PREFIX.length);
    // "docker.io/library/<64 hex>" shortened to "<64 hex>" would be refused as an image ID.
    if (suffix === "" && short.length === 64 && isHexIdentifier(short)) return path;
    return short;
  }
  // "docker.io/a.b/c" shortened to "a.b/c" would name the registry "a.b".
  const slash = short.indexOf("/");
  if (slash < 0 || classifyFirstComponent(short, slash) === "path") return short;
  return `${DEFAULT_DOMAIN}/${path}`;
}

function uppercaseError(input: string, pathStart: number, offset: number): ImageReferenceResult {
  let end = offset;
  while (end < input.length && input.charCodeAt(end) !== COLON && input.charCodeAt(end) !== AT)
    end++;
  const fixed =
    input.slice(0, pathStart) + input.slice(pathStart, end).toLowerCase() + input.slice(end);
  return fail(
    input,
    "uppercase",
    offset,
    `repository name must be lowercase, found ${quote(input.charAt(offset))} in ${quote(input.slice(pathStart, end))} (only the registry host and the tag may have uppercase); use ${quote(fixed)}`,
  );
}

/** "docker:///busybox", "https://host/x": a URL, not a reference. */
function urlError(input: string, slash: number): ImageReferenceResult {
  let rest = slash + 2;
  while (input.charCodeAt(rest) === SLASH) rest++;
  const scheme = input.slice(0, slash + 2);
  const hint = rest < input.length ? `; write ${quote(input.slice(rest))}` : "";
  return fail(
    input,
    "invalid_format",
    0,
    `${quote(scheme)} is a URL scheme; an image reference has none${hint}`,
  );
}

function fail(
  input: string,
  code: ImageReferenceErrorCode,
  offset: number,
  detail: string,
): ImageReferenceResult {
  return failure(referenceError(input, code, offset, detail));
}

function failure(error: ImageReferenceError): ImageReferenceResult {
  return { success: false, error };
}
