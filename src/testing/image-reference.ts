// imageReference(): Docker image references that are valid by the distribution/reference v0.6.0
// grammar as the docker CLI parses them (ParseNormalizedNamed, github.com/distribution/reference):
//
//   reference := name [":" tag] ["@" digest]
//   name      := [domain "/"] path-component ("/" path-component)*
//   domain    := (domain-name | IPv4 | "[" IPv6 "]") [":" port]
//   path-component := [a-z0-9]+ (separator [a-z0-9]+)*   separator := "." | "_" | "__" | "-"+
//   tag       := [\w][\w.-]{0,127}
//   digest    := sha256:<64 lowercase hex> | sha512:<128 lowercase hex>
//
// Built by construction, so every value parses; normalization is respected: without an explicit
// domain, the first of several path components never contains "." (it would be read as a domain).
import * as fc from "fast-check";
import { charsOf } from "./text.js";

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const ALNUM = `${LOWER_ALNUM}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
const WORD = `${ALNUM}_`;
const HEX = "0123456789abcdef";

// At most 6 characters: a component can never be "localhost" or a 64-hex image ID.
const alnumRun = charsOf(LOWER_ALNUM, 1, 6);

function pathComponent(allowDot: boolean): fc.Arbitrary<string> {
  const separator = allowDot
    ? fc.constantFrom(".", "_", "__", "-", "--", "---")
    : fc.constantFrom("_", "__", "-", "--");
  return fc
    .tuple(alnumRun, fc.array(fc.tuple(separator, alnumRun), { maxLength: 2 }))
    .map(([head, rest]) => head + rest.map(([sep, run]) => sep + run).join(""));
}

const dnsLabel = fc
  .tuple(
    charsOf(ALNUM, 1, 1),
    fc.option(fc.tuple(charsOf(`${ALNUM}-`, 0, 6), charsOf(ALNUM, 1, 1))),
  )
  .map(([first, rest]) => (rest === null ? first : first + rest[0] + rest[1]));

const octet = fc.integer({ min: 0, max: 255 });
const hexGroup = charsOf("0123456789abcdefABCDEF", 1, 4);

const host: fc.Arbitrary<{ host: string; needsPort: boolean }> = fc.oneof(
  // Well-known registries, including the ones docker normalizes (index.docker.io -> docker.io).
  fc
    .constantFrom(
      "docker.io",
      "index.docker.io",
      "quay.io",
      "gcr.io",
      "registry.example.com",
      "localhost",
    )
    .map((h) => ({ host: h, needsPort: false })),
  // A dotted name (uppercase is allowed in domains); the "." makes docker read it as a domain.
  fc
    .array(dnsLabel, { minLength: 2, maxLength: 3 })
    .map((labels) => ({ host: labels.join("."), needsPort: false })),
  // A single label is a domain only with a port ("registry:5000").
  dnsLabel.map((h) => ({ host: h, needsPort: true })),
  fc.tuple(octet, octet, octet, octet).map((o) => ({ host: o.join("."), needsPort: false })),
  fc
    .oneof(
      fc.array(hexGroup, { minLength: 8, maxLength: 8 }).map((g) => g.join(":")),
      fc
        .tuple(fc.array(hexGroup, { maxLength: 3 }), fc.array(hexGroup, { maxLength: 3 }))
        .map(([a, b]) => `${a.join(":")}::${b.join(":")}`),
    )
    .map((ip) => ({ host: `[${ip}]`, needsPort: false })),
);

const domain = fc
  .tuple(host, fc.option(fc.integer({ min: 1, max: 65535 })), fc.integer({ min: 1, max: 65535 }))
  .map(([h, port, forcedPort]) => {
    const p = h.needsPort ? forcedPort : port;
    return p === null ? h.host : `${h.host}:${p}`;
  });

const tag = fc
  .tuple(charsOf(WORD, 1, 1), charsOf(`${WORD}.-`, 0, 127))
  .map(([first, rest]) => first + rest);

const digest = fc.oneof(
  { arbitrary: charsOf(HEX, 64, 64).map((hex) => `sha256:${hex}`), weight: 4 },
  { arbitrary: charsOf(HEX, 128, 128).map((hex) => `sha512:${hex}`), weight: 1 },
);

const name = fc
  .tuple(
    fc.option(domain, { freq: 2 }),
    pathComponent(true),
    fc.array(pathComponent(true), { maxLength: 2 }),
    pathComponent(false),
  )
  .map(([dom, only, rest, firstOfMany]) => {
    if (dom !== null) return [dom, only, ...rest].join("/");
    // No domain: a lone component may hold "."; the first of several may not.
    return rest.length === 0 ? only : [firstOfMany, ...rest].join("/");
  });

/**
 * Valid Docker image references (distribution/reference v0.6.0 grammar, as the docker CLI parses
 * them): optional registry domain (DNS name, `localhost`, IPv4, `[IPv6]`, optional port), 1–3
 * lowercase path components with `.`/`_`/`__`/`-` separators, optional tag (up to 128 characters)
 * and optional `sha256`/`sha512` digest. Every value passes `parseImageReference`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { parseImageReference } from "mesos-dockerinfo";
 * import { imageReference } from "mesos-dockerinfo/testing";
 *
 * fc.sample(imageReference(), 3);
 * // e.g. ["busybox", "registry.example.com:5000/team/app:v1.2", "quay.io/a__b/c@sha256:0f…"]
 * fc.assert(fc.property(imageReference(), (ref) => parseImageReference(ref).success));
 * ```
 */
export function imageReference(): fc.Arbitrary<string> {
  return fc
    .tuple(name, fc.option(tag), fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, digest))
    .map(([n, t, d]) => n + (t === null ? "" : `:${t}`) + (d === null ? "" : `@${d}`));
}
