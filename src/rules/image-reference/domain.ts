// The registry part of a reference: which first component is a registry (Docker's
// splitDockerDomain, distribution/reference v0.6.0 normalize.go) and whether it is a valid
// `host[:port]` (regexp.go: domain-name | "[" IPv6 "]", optional ":" digits).

import {
  CLOSE_BRACKET,
  COLON,
  DASH,
  DOT,
  isAlnum,
  isDigit,
  isHex,
  isUpper,
  OPEN_BRACKET,
  UNDERSCORE,
} from "./chars.js";
import { type ImageReferenceError, quote, quoteCharAt, referenceError } from "./error.js";

/** Docker Hub's canonical domain: what familiar names such as "busybox" normalize to. */
export const DEFAULT_DOMAIN = "docker.io";
/** Always a registry when it is the whole first component. */
const LOCALHOST = "localhost";
/** The old Docker Hub name; normalized to DEFAULT_DOMAIN. */
export const LEGACY_DEFAULT_DOMAIN = "index.docker.io";

/**
 * How Docker reads the text before the first "/": as the first path component ("path"), or as a
 * registry, for the reason given.
 */
export type FirstComponent = "path" | "localhost" | "legacy_default" | "host_like" | "uppercase";

/** splitDockerDomain's decision for `input.slice(0, end)` (end = index of the first "/"). */
export function classifyFirstComponent(input: string, end: number): FirstComponent {
  if (end === LOCALHOST.length && input.startsWith(LOCALHOST)) return "localhost";
  if (end === LEGACY_DEFAULT_DOMAIN.length && input.startsWith(LEGACY_DEFAULT_DOMAIN)) {
    return "legacy_default";
  }
  let upper = false;
  for (let i = 0; i < end; i++) {
    const c = input.charCodeAt(i);
    // "." or ":" wins over uppercase: upstream tests them first (only the wording differs).
    if (c === DOT || c === COLON) return "host_like";
    if (isUpper(c)) upper = true;
  }
  // Repository paths are lowercase, so Docker takes an uppercase first component for a registry
  // ("Docker/docker" has domain "Docker").
  return upper ? "uppercase" : "path";
}

/** The first components checkDomain sees: "localhost" and "index.docker.io" are valid as they are. */
export type CheckedFirstComponent = "host_like" | "uppercase";

const WHY: Record<CheckedFirstComponent, string> = {
  host_like: 'it contains "." or ":"',
  uppercase: "it has uppercase letters (a repository path is lowercase)",
};

/**
 * Checks `input.slice(0, end)` as `host[:port]`. Returns undefined when valid. The port range is
 * not checked, as upstream does not (":75050" passes).
 */
export function checkDomain(
  input: string,
  end: number,
  kind: CheckedFirstComponent,
): ImageReferenceError | undefined {
  let i = 0;
  if (input.charCodeAt(0) === OPEN_BRACKET) {
    // IPv6 in brackets: hex digits and ":" only. No zone ("%eth0") and no dotted IPv4 tail.
    i = 1;
    while (i < end && (isHex(input.charCodeAt(i)) || input.charCodeAt(i) === COLON)) i++;
    const c = input.charCodeAt(i);
    if (i < end && c === CLOSE_BRACKET) {
      if (i === 1) return domainError(input, end, kind, i, "the IPv6 address in brackets is empty");
      i++;
    } else if (i >= end) {
      return domainError(input, end, kind, i, 'the IPv6 address is missing its closing "]"');
    } else {
      return domainError(input, end, kind, i, badIpv6Char(input, i));
    }
  } else {
    // domain-name: labels of [a-zA-Z0-9-] joined by ".", no label starting or ending with "-".
    for (;;) {
      const c = input.charCodeAt(i);
      if (!isAlnum(c)) {
        const detail =
          c === DASH
            ? 'a host label cannot start with "-"'
            : i >= end || c === DOT || c === COLON
              ? "a host label is empty"
              : badHostChar(input, i);
        return domainError(input, end, kind, i, detail);
      }
      i++;
      while (i < end && (isAlnum(input.charCodeAt(i)) || input.charCodeAt(i) === DASH)) i++;
      const next = input.charCodeAt(i);
      if (i < end && next !== DOT && next !== COLON) {
        return domainError(input, end, kind, i, badHostChar(input, i));
      }
      if (input.charCodeAt(i - 1) === DASH) {
        return domainError(input, end, kind, i - 1, 'a host label cannot end with "-"');
      }
      if (i >= end || next !== DOT) break;
      i++;
    }
  }
  if (i === end) return undefined;
  if (input.charCodeAt(i) !== COLON) {
    return domainError(input, end, kind, i, `unexpected ${quoteCharAt(input, i)} after the host`);
  }
  const portStart = i + 1;
  i = portStart;
  while (i < end && isDigit(input.charCodeAt(i))) i++;
  if (i === portStart || i < end) {
    const found = i === end ? "nothing" : quoteCharAt(input, i);
    return domainError(input, end, kind, i, `the port after ":" must be digits, found ${found}`);
  }
  return undefined;
}

function domainError(
  input: string,
  end: number,
  kind: CheckedFirstComponent,
  offset: number,
  detail: string,
): ImageReferenceError {
  const host = quote(input.slice(0, end));
  return referenceError(
    input,
    "invalid_domain",
    offset,
    `${detail} in the registry host ${host} (read as a registry because ${WHY[kind]})`,
  );
}

function badIpv6Char(input: string, i: number): string {
  const c = input.charCodeAt(i);
  if (c === 0x25 /* % */) return "IPv6 zone identifiers (%…) are not allowed";
  if (c === DOT) return "IPv6 addresses with a dotted IPv4 part are not allowed";
  return `unexpected ${quoteCharAt(input, i)} in an IPv6 address (hex digits and ":" only)`;
}

function badHostChar(input: string, i: number): string {
  return input.charCodeAt(i) === UNDERSCORE
    ? 'a host name cannot contain "_" (DNS labels are letters, digits and "-")'
    : `unexpected ${quoteCharAt(input, i)} (a host name is letters, digits, "-" and ".")`;
}
