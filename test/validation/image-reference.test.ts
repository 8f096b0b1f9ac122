import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  IMAGE_REFERENCE_ERROR_CODES,
  type ImageReference,
  type ImageReferenceErrorCode,
  isImageReference,
  parseImageReference,
} from "../../src/validation/index.js";

const HEX64 = "0123456789abcdef".repeat(4);
const HEX128 = HEX64 + HEX64;
const F64 = "f".repeat(64);

function parsed(input: string): ImageReference {
  const result = parseImageReference(input);
  if (!result.success)
    throw new Error(`expected ${JSON.stringify(input)} to parse: ${result.error.message}`);
  return result.reference;
}

function refused(input: string) {
  const result = parseImageReference(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error;
}

// The parts every valid reference must have; name and string are derived from them.
type Parts = { domain: string; path: string; tag?: string; digest?: string; familiar: string };

function expectedReference(parts: Parts): ImageReference {
  const name = `${parts.domain}/${parts.path}`;
  const suffix =
    (parts.tag === undefined ? "" : `:${parts.tag}`) + (parts.digest ? `@${parts.digest}` : "");
  return { name, ...parts, string: name + suffix };
}

describe("parseImageReference: valid references (ParseNormalizedNamed behaviour)", () => {
  const hub = (path: string, familiar: string, extra: Partial<Parts> = {}): Parts => ({
    domain: "docker.io",
    path,
    familiar,
    ...extra,
  });
  const table: [string, Parts][] = [
    ["busybox", hub("library/busybox", "busybox")],
    ["busybox:1.36", hub("library/busybox", "busybox:1.36", { tag: "1.36" })],
    ["library/busybox", hub("library/busybox", "busybox")],
    ["docker.io/busybox", hub("library/busybox", "busybox")],
    ["docker.io/library/busybox", hub("library/busybox", "busybox")],
    ["index.docker.io/busybox", hub("library/busybox", "busybox")],
    ["index.docker.io/docker/docker", hub("docker/docker", "docker/docker")],
    ["docker.io/library/foo/bar", hub("library/foo/bar", "library/foo/bar")],
    ["foo/bar", hub("foo/bar", "foo/bar")],
    ["other/library", hub("other/library", "other/library")],
    ["test_com/foo", hub("test_com/foo", "test_com/foo")],
    ["a__b", hub("library/a__b", "a__b")],
    ["a_b", hub("library/a_b", "a_b")],
    ["a.b", hub("library/a.b", "a.b")],
    ["a-b", hub("library/a-b", "a-b")],
    ["a--b", hub("library/a--b", "a--b")],
    ["docker---rules/docker", hub("docker---rules/docker", "docker---rules/docker")],
    ["d/docker", hub("d/docker", "d/docker")],
    ["192.168.0.1", hub("library/192.168.0.1", "192.168.0.1")],
    // Without a "/" nothing is a registry (upstream FIXME): a tag, not a port.
    ["localhost:5000", hub("library/localhost", "localhost:5000", { tag: "5000" })],
    ["192.168.0.1:80", hub("library/192.168.0.1", "192.168.0.1:80", { tag: "80" })],
    ["foo_bar.com:8080", hub("library/foo_bar.com", "foo_bar.com:8080", { tag: "8080" })],
    ["foo/foo_bar.com:8080", hub("foo/foo_bar.com", "foo/foo_bar.com:8080", { tag: "8080" })],
    ["lowercase:Uppercase", hub("library/lowercase", "lowercase:Uppercase", { tag: "Uppercase" })],
    ["busybox:_x", hub("library/busybox", "busybox:_x", { tag: "_x" })],
    [
      "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev",
      hub(
        "library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev",
        "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev",
      ),
    ],
    // Prefixed, a 64-hex name is a repository; its familiar form keeps "library/" to stay one.
    [`docker.io/${HEX64}`, hub(`library/${HEX64}`, `library/${HEX64}`)],
    [`${HEX64}:tag`, hub(`library/${HEX64}`, `${HEX64}:tag`, { tag: "tag" })],
    // Dropping "docker.io/" would turn the first component into a registry: keep it.
    ["docker.io/a.b/c", hub("a.b/c", "docker.io/a.b/c")],
    ["docker.io/localhost/x", hub("localhost/x", "docker.io/localhost/x")],
    [
      `busybox:latest@sha256:${F64}`,
      hub("library/busybox", `busybox:latest@sha256:${F64}`, {
        tag: "latest",
        digest: `sha256:${F64}`,
      }),
    ],
    [
      `a:b@sha256:${HEX64}`,
      hub("library/a", `a:b@sha256:${HEX64}`, { tag: "b", digest: `sha256:${HEX64}` }),
    ],
    [
      `redis@sha512:${HEX128}`,
      hub("library/redis", `redis@sha512:${HEX128}`, { digest: `sha512:${HEX128}` }),
    ],
    ["localhost/foo", { domain: "localhost", path: "foo", familiar: "localhost/foo" }],
    [
      "localhost:5000/foo",
      { domain: "localhost:5000", path: "foo", familiar: "localhost:5000/foo" },
    ],
    ["Docker/docker", { domain: "Docker", path: "docker", familiar: "Docker/docker" }],
    ["FOO/bar", { domain: "FOO", path: "bar", familiar: "FOO/bar" }],
    ["[::1]:5000/x", { domain: "[::1]:5000", path: "x", familiar: "[::1]:5000/x" }],
    [
      "[2001:db8::1]/repo",
      { domain: "[2001:db8::1]", path: "repo", familiar: "[2001:db8::1]/repo" },
    ],
    [
      "[fc00:1:2:3:4:5:6:7]:5000/library/debian",
      {
        domain: "[fc00:1:2:3:4:5:6:7]:5000",
        path: "library/debian",
        familiar: "[fc00:1:2:3:4:5:6:7]:5000/library/debian",
      },
    ],
    [
      "127.0.0.1:5000/debian",
      { domain: "127.0.0.1:5000", path: "debian", familiar: "127.0.0.1:5000/debian" },
    ],
    [
      "192.168.0.1:8/debian",
      { domain: "192.168.0.1:8", path: "debian", familiar: "192.168.0.1:8/debian" },
    ],
    ["test-com:8080/foo", { domain: "test-com:8080", path: "foo", familiar: "test-com:8080/foo" }],
    [
      "xn--n3h.com:18080/foo",
      { domain: "xn--n3h.com:18080", path: "foo", familiar: "xn--n3h.com:18080/foo" },
    ],
    // The port range is not checked (upstream does not either).
    [
      "example.com:75050/x",
      { domain: "example.com:75050", path: "x", familiar: "example.com:75050/x" },
    ],
    [
      "sub-dom1.foo.com/bar/baz/quux:some-long-tag",
      {
        domain: "sub-dom1.foo.com",
        path: "bar/baz/quux",
        tag: "some-long-tag",
        familiar: "sub-dom1.foo.com/bar/baz/quux:some-long-tag",
      },
    ],
    [
      "b.gcr.io/test.example.com/my-app:test.example.com",
      {
        domain: "b.gcr.io",
        path: "test.example.com/my-app",
        tag: "test.example.com",
        familiar: "b.gcr.io/test.example.com/my-app:test.example.com",
      },
    ],
    [
      `xn--7o8h.com/myimage:xn--7o8h.com@sha512:${"f".repeat(128)}`,
      {
        domain: "xn--7o8h.com",
        path: "myimage",
        tag: "xn--7o8h.com",
        digest: `sha512:${"f".repeat(128)}`,
        familiar: `xn--7o8h.com/myimage:xn--7o8h.com@sha512:${"f".repeat(128)}`,
      },
    ],
  ];

  it.each(table)("%s", (input, parts) => {
    expect(parsed(input)).toStrictEqual(expectedReference(parts));
    expect(isImageReference(input)).toBe(true);
  });

  it("omits tag and digest when absent (no default 'latest')", () => {
    const reference = parsed("busybox");
    expect("tag" in reference).toBe(false);
    expect("digest" in reference).toBe(false);
  });
});

describe("parseImageReference: invalid references", () => {
  const table: [string, ImageReferenceErrorCode, number][] = [
    ["", "empty", 0],
    [HEX64, "hex_id_not_allowed", 0],
    ["1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a", "hex_id_not_allowed", 0],
    // uppercase in the repository path, wherever the registry is
    ["UPPER", "uppercase", 0],
    ["docker/Docker", "uppercase", 7],
    ["docker.io/docker/Docker", "uppercase", 17],
    ["Uppercase:tag", "uppercase", 0],
    ["test:5000/Uppercase/lowercase:tag", "uppercase", 10],
    ["Docker/Docker", "uppercase", 7],
    // path grammar
    ["a___b", "invalid_format", 1],
    ["-a", "invalid_format", 0],
    ["a-", "invalid_format", 1],
    ["-docker", "invalid_format", 0],
    ["-docker/docker", "invalid_format", 0],
    ["docker-/docker", "invalid_format", 6],
    ["-docker-/docker", "invalid_format", 0],
    ["____/____", "invalid_format", 0],
    ["_docker/_docker", "invalid_format", 0],
    ["docker/dock..er", "invalid_format", 11],
    ["docker/dock_.er", "invalid_format", 11],
    ["docker/dock-.er", "invalid_format", 11],
    ["docker/", "invalid_format", 6],
    ["docker///docker", "invalid_format", 7],
    ["docker.io/docker///docker", "invalid_format", 17],
    ["aa/asdf$$^/aa", "invalid_format", 7],
    ["busybox latest", "invalid_format", 7],
    ["busybox\u00e9", "invalid_format", 7],
    [":justtag", "invalid_format", 0],
    [`@sha256:${F64}`, "invalid_format", 0],
    ["localhost/", "invalid_format", 10],
    ["[fc00::1]", "invalid_format", 0],
    ["[fc00::1]:5000", "invalid_format", 0],
    // URLs are not references
    ["docker:///busybox", "invalid_format", 0],
    ["https://github.com/docker/docker", "invalid_format", 0],
    // registry host and port
    // (a first component with "." is read as a registry, so upstream's "dock..er/docker" cases
    // fail as hosts)
    ["dock..er/docker", "invalid_domain", 5],
    ["dock_.er/docker", "invalid_domain", 4],
    ["dock-.er/docker", "invalid_domain", 4],
    ["-docker.io/docker/docker", "invalid_domain", 0],
    ["docker-.io/x", "invalid_domain", 6],
    ["a..b/x", "invalid_domain", 2],
    ["example.com./x", "invalid_domain", 12],
    ["my_registry.local/app", "invalid_domain", 2],
    ["Foo_Bar/app", "invalid_domain", 3],
    ["fc00::1:5000/debian", "invalid_domain", 5],
    ["example.com:/x", "invalid_domain", 12],
    ["example.com:50a0/x", "invalid_domain", 14],
    ["[fe80::1%eth0]:5000/debian", "invalid_domain", 8],
    ["[fe80::1%@invalidzone]:5000/repo", "invalid_domain", 8],
    ["[2001:db8:3:4::192.0.2.33]:5000/debian", "invalid_domain", 18],
    ["[]:5/x", "invalid_domain", 1],
    // no "." or ":": "[]" and "[0]" are not read as registries at all
    ["[]/x", "invalid_format", 0],
    ["[0]/x", "invalid_format", 0],
    ["[::1/x", "invalid_domain", 4],
    ["[::1]x:5/y", "invalid_domain", 5],
    ["[::g]:5/y", "invalid_domain", 3],
    // tags
    ["busybox:", "invalid_tag", 8],
    ["busybox:-x", "invalid_tag", 8],
    ["busybox:.x", "invalid_tag", 8],
    ["busybox:a:b", "invalid_tag", 9],
    ["a/b:c/d", "invalid_tag", 5],
    ["busybox:a+b", "invalid_tag", 9],
    [`busybox:@sha256:${F64}`, "invalid_tag", 8],
    // digests: grammar
    ["busybox@", "invalid_digest", 8],
    ["busybox:latest@", "invalid_digest", 15],
    ["busybox@sha256", "invalid_digest", 14],
    ["busybox@sha256:abc", "invalid_digest", 15],
    [`busybox@sha256:${"f".repeat(31)}`, "invalid_digest", 15],
    [`busybox@1sha:${F64}`, "invalid_digest", 8],
    [`busybox@sha256:${F64}xyz`, "invalid_digest", 79],
    [`busybox@sha256:${F64}@x`, "invalid_digest", 79],
    ["a@b@c", "invalid_digest", 3],
    // digests: go-digest
    [`busybox@sha256:${"f".repeat(63)}`, "invalid_digest_length", 15],
    [`busybox@sha256:${"f".repeat(65)}`, "invalid_digest_length", 15],
    [`repo@sha256:${"f".repeat(34)}`, "invalid_digest_length", 12],
    [`busybox@sha512:${"f".repeat(127)}`, "invalid_digest_length", 15],
    [`busybox@sha256:${"F".repeat(64)}`, "invalid_digest", 15],
    [`busybox@sha256:${"f".repeat(63)}A`, "invalid_digest", 78],
    [`busybox@SHA256:${F64}`, "invalid_digest", 8],
    [`busybox@md5:${"f".repeat(32)}`, "unsupported_digest", 8],
    [`busybox@sha384:${"f".repeat(96)}`, "unsupported_digest", 8],
    [`validname@invaliddigest:${F64}`, "unsupported_digest", 10],
    [`busybox@constructor:${"f".repeat(32)}`, "unsupported_digest", 8],
    [`busybox@toString:${"f".repeat(32)}`, "invalid_digest", 10],
    [`busybox@sha256+b64:${F64}`, "unsupported_digest", 8],
  ];

  it.each(table)("%s → %s at %i", (input, code, offset) => {
    const error = refused(input);
    expect(error.code).toBe(code);
    expect(error.offset).toBe(offset);
    expect(error.message).toContain(`(at offset ${offset})`);
    expect(isImageReference(input)).toBe(false);
  });

  it("never throws on non-string input from untyped callers", () => {
    for (const value of [undefined, null, 42, {}, ["busybox"]]) {
      const result = parseImageReference(value as unknown as string);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.code).toBe("invalid_format");
      expect(isImageReference(value)).toBe(false);
    }
  });
});

describe("parseImageReference: limits", () => {
  it("tags: 128 characters pass, 129 fail at the 129th", () => {
    expect(parsed(`busybox:${"t".repeat(128)}`).tag).toHaveLength(128);
    const error = refused(`busybox:${"t".repeat(129)}`);
    expect(error.code).toBe("invalid_tag");
    expect(error.offset).toBe(8 + 128);
    expect(error.message).toContain("129 characters");
  });

  it("path length counts the path only (v0.6.0), not the registry", () => {
    const domain = `${"a".repeat(300)}.example.com`;
    expect(parsed(`${domain}/${"p".repeat(255)}`).path).toHaveLength(255);
    const error = refused(`${domain}/${"p".repeat(256)}`);
    expect(error.code).toBe("name_too_long");
    expect(error.offset).toBe(domain.length + 1 + 255);
  });

  it("path length on Docker Hub includes the added library/ prefix", () => {
    expect(parsed("a".repeat(247)).path).toHaveLength(255);
    const error = refused("a".repeat(248));
    expect(error.code).toBe("name_too_long");
    expect(error.offset).toBe(247);
    expect(error.message).toContain("library/");
  });

  it("upstream vectors: 255-character multi-component path passes, 257 fails", () => {
    const ok = parsed(`${"a/".repeat(127)}a:tag-puts-this-over-max`);
    expect(ok.path).toBe(`${"a/".repeat(127)}a`);
    expect(ok.domain).toBe("docker.io");
    expect(refused(`${"a/".repeat(128)}a:tag`).code).toBe("name_too_long");
    expect(
      refused(
        `${"this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_".repeat(4)}/docker`,
      ).code,
    ).toBe("invalid_format");
  });

  it("sha256 takes exactly 64 lowercase hex digits", () => {
    expect(parsed(`busybox@sha256:${HEX64}`).digest).toBe(`sha256:${HEX64}`);
    expect(refused(`busybox@sha256:${HEX64.slice(1)}`).code).toBe("invalid_digest_length");
    expect(refused(`busybox@sha256:${HEX64}0`).code).toBe("invalid_digest_length");
    expect(refused(`busybox@sha256:${HEX64.toUpperCase()}`).code).toBe("invalid_digest");
  });

  it("inputs over the cap are refused before scanning; the cap is configurable", () => {
    const long = "a".repeat(4097);
    const error = refused(long);
    expect(error.code).toBe("too_long");
    expect(error.offset).toBe(4096);
    expect(error.message.length).toBeLessThan(300);
    expect(refused("a".repeat(4096)).code).toBe("name_too_long");
    const small = parseImageReference("busybox:latest", { maxLength: 10 });
    expect(small.success || small.error.code).toBe("too_long");
    expect(parseImageReference("busybox", { maxLength: 10 }).success).toBe(true);
  });
});

describe("parseImageReference: messages", () => {
  // Each message quotes the input and the offending part and says how to fix it.
  const table: [string, string[]][] = [
    ["a___b", ['"a___b"', '"___"', 'one or two "_"']],
    ["library/BusyBox:1.36", ["must be lowercase", '"B"', 'use "library/busybox:1.36"']],
    ["docker:///busybox", ['"docker://"', 'write "busybox"']],
    ["my_registry.local/app", ['"my_registry.local"', '"_"', 'contains "." or ":"']],
    ["Foo_Bar/app", ['"Foo_Bar"', "uppercase"]],
    ["[fe80::1%eth0]:5000/debian", ["zone"]],
    ["a/b:c/d", ['cannot contain "/"']],
    [`x@sha384:${"f".repeat(96)}`, ['"sha384"', "not registered by default", "use sha256"]],
    [`x@sha256:${"f".repeat(63)}`, ["exactly 64", "found 63"]],
    [HEX64, ['"name@sha256:<64 hex>"']],
    ["", ['"busybox:1.36"']],
  ];

  it.each(table)("%s", (input, fragments) => {
    const { message } = refused(input);
    // Inputs over 80 characters are cut short in the message.
    expect(message).toContain(`invalid image reference ${JSON.stringify(input).slice(0, 60)}`);
    for (const fragment of fragments) expect(message).toContain(fragment);
  });

  it("cut long inputs short", () => {
    const error = refused(`${"a".repeat(3000)}$`);
    expect(error.offset).toBe(3000);
    expect(error.message.length).toBeLessThan(400);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const lowerAlnumRun = fc.string({
  unit: fc.constantFrom(..."abcxyz0189"),
  minLength: 1,
  maxLength: 6,
});
const pathComponent = (separators: string[]) =>
  fc
    .tuple(
      lowerAlnumRun,
      fc.array(fc.tuple(fc.constantFrom(...separators), lowerAlnumRun), { maxLength: 3 }),
    )
    .map(([head, rest]) => head + rest.map(([s, a]) => s + a).join(""));
const ALL_SEPARATORS = [".", "_", "__", "-", "--", "---"];
const hostLabel = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(..."abzABZ09"), minLength: 1, maxLength: 5 }),
    fc.array(
      fc.tuple(
        fc.constantFrom("-", "--"),
        fc.string({ unit: fc.constantFrom(..."aZ9"), minLength: 1, maxLength: 3 }),
      ),
      { maxLength: 2 },
    ),
  )
  .map(([head, rest]) => head + rest.map(([s, a]) => s + a).join(""));
const port = fc.option(
  fc.integer({ min: 0, max: 99_999 }).map((p) => `:${p}`),
  { nil: "" },
);
const domain = fc.oneof(
  fc.constantFrom("localhost", "localhost:5000", "docker.io", "index.docker.io", "Registry"),
  fc
    .tuple(fc.array(hostLabel, { minLength: 1, maxLength: 3 }), port)
    .map(([labels, p]) => labels.join(".") + p),
  // IPv6 with at least one ":" inside: without "." or ":" the first component is not a registry.
  fc
    .tuple(
      fc.array(fc.string({ unit: fc.constantFrom(..."0af9F:"), maxLength: 4 }), {
        minLength: 2,
        maxLength: 5,
      }),
      port,
    )
    .map(([groups, p]) => `[${groups.join(":")}]${p}`),
);
const tag = fc
  .tuple(
    fc.constantFrom(..."aZ9_"),
    fc.string({ unit: fc.constantFrom(..."aZ9_.-"), maxLength: 12 }),
  )
  .map(([head, rest]) => head + rest);
const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });
const digest = fc.oneof(
  hex(64).map((h) => `sha256:${h}`),
  hex(128).map((h) => `sha512:${h}`),
);
/** Valid references: with or without a registry, tag and digest. */
const validReference = fc
  .tuple(
    fc.option(domain, { nil: undefined }),
    // Without a registry, a "." in the first component would make it one; keep it a path there.
    pathComponent(["_", "__", "-", "--"]),
    fc.array(pathComponent(ALL_SEPARATORS), { maxLength: 3 }),
    fc.option(tag, { nil: undefined }),
    fc.option(digest, { nil: undefined }),
  )
  .map(
    ([d, first, rest, t, g]) =>
      (d === undefined ? "" : `${d}/`) +
      [first, ...rest].join("/") +
      (t === undefined ? "" : `:${t}`) +
      (g === undefined ? "" : `@${g}`),
  );

function roundTrips(reference: ImageReference): void {
  expect(parsed(reference.string)).toStrictEqual(reference);
  expect(parsed(reference.familiar)).toStrictEqual(reference);
  expect(reference.name).toBe(`${reference.domain}/${reference.path}`);
}

describe("parseImageReference: properties", () => {
  it("never throws, and every failure is a known code with an offset inside the input", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary" }),
          fc.string({ unit: "binary-ascii" }),
          validReference,
        ),
        (input) => {
          const result = parseImageReference(input);
          if (result.success) {
            roundTrips(result.reference);
          } else {
            expect(IMAGE_REFERENCE_ERROR_CODES).toContain(result.error.code);
            expect(result.error.offset).toBeGreaterThanOrEqual(0);
            expect(result.error.offset).toBeLessThanOrEqual(input.length);
            expect(result.error.message).toContain("invalid image reference");
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("valid references parse, and their string and familiar forms parse back to them", () => {
    fc.assert(
      fc.property(validReference, (input) => {
        roundTrips(parsed(input));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the upstream grammar (RegExp oracle) on short and mutated inputs", () => {
    const alphabet = fc.constantFrom(
      ..."abz09AZ._-/:@[]%é",
      "sha256:",
      "docker.io/",
      "localhost/",
      "__",
      "--",
    );
    const shortInput = fc.array(alphabet, { maxLength: 14 }).map((parts) => parts.join(""));
    const mutated = fc
      .tuple(validReference, fc.nat(), fc.constantFrom("delete", "insert", "replace"), alphabet)
      .map(([input, at, edit, piece]) => {
        const i = at % (input.length + 1);
        if (edit === "delete") return input.slice(0, i) + input.slice(i + 1);
        if (edit === "insert") return input.slice(0, i) + piece + input.slice(i);
        return input.slice(0, i) + piece + input.slice(i + piece.length);
      });
    fc.assert(
      fc.property(fc.oneof(shortInput, mutated, validReference), (input) => {
        const expected = upstreamParseNormalizedNamed(input);
        const result = parseImageReference(input);
        // Documented difference: upstream's domain-less fallback ("my_registry.local/app").
        if (expected === null || expected.domain === "") {
          expect(result.success).toBe(false);
        } else {
          expect(result.success).toBe(true);
          if (result.success) {
            const { domain, path, tag, digest } = result.reference;
            expect({ domain, path, tag, digest }).toEqual(expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseImageReference: linear time on hostile input", () => {
  // A scanner that backtracks or rescans would need ~n² = 10^12 steps on these 1 MiB inputs and
  // hit the test timeout; a linear one takes milliseconds. No time is asserted.
  const n = 1 << 20;
  const hostile: [string, string, ImageReferenceErrorCode][] = [
    ["ReDoS shape (abcdefgh…_/x)", `${"abcdefgh".repeat(n / 8)}_/x`, "invalid_format"],
    ["run of -", `a${"-".repeat(n)}`, "invalid_format"],
    ["run of _", `a${"_".repeat(n)}`, "invalid_format"],
    ["run of .", `a${".".repeat(n)}`, "invalid_format"],
    ["run of :", ":".repeat(n), "invalid_format"],
    ["run of @", "@".repeat(n), "invalid_format"],
    ["run of /", "/".repeat(n), "invalid_format"],
    ["many components", `${"a/".repeat(n / 2)}a`, "name_too_long"],
    ["long separators", `${"a-".repeat(n / 2)}a`, "name_too_long"],
    ["uppercase at the end", `${"a/".repeat(n / 2)}A`, "uppercase"],
    ["host labels", `${"a.".repeat(n / 2)}-/x`, "invalid_domain"],
    ["IPv6 colons", `[${":".repeat(n)}/x`, "invalid_domain"],
    ["long tag", `a:${"b".repeat(n)}`, "invalid_tag"],
    ["long digest", `a@sha256:${"f".repeat(n)}`, "invalid_digest_length"],
    ["long algorithm", `a@${"s.".repeat(n / 2)}`, "invalid_digest"],
  ];

  it.each(hostile)("%s", (_label, input, code) => {
    const result = parseImageReference(input, { maxLength: Number.POSITIVE_INFINITY });
    expect(result.success || result.error.code).toBe(code);
    // With the default cap the same input is refused up front.
    expect(refused(input).code).toBe("too_long");
  });

  it("64 KiB inputs of every hostile shape under the default cap are refused as too_long", () => {
    const input = `${"abcdefgh".repeat(8192)}_/x`;
    expect(refused(input).code).toBe("too_long");
    // Just under the cap the scanner runs to the end and finds the real defect.
    expect(refused(`${"abcdefgh".repeat(511)}_/x`).code).toBe("invalid_format");
  });
});

// ---------------------------------------------------------------------------------------------
// The oracle: upstream ParseNormalizedNamed written with the Go grammar as JS RegExps (regexp.go,
// normalize.go, go-digest with sha256 and sha512 registered). Independent of the scanner, and
// only run on short inputs, where backtracking cannot hurt.

const alphaNumeric = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const pathComponentRe = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const remoteName = `${pathComponentRe}(?:/${pathComponentRe})*`;
const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const host = `(?:${domainName}|\\[(?:[a-fA-F0-9:]+)\\])`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const tagRe = "[\\w][\\w.-]{0,127}";
const digestRe = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
const referenceRegexp = new RegExp(
  `^((?:${domainAndPort}/)?${remoteName})(?::(${tagRe}))?(?:@(${digestRe}))?$`,
);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);

type UpstreamParts = {
  domain: string;
  path: string;
  tag: string | undefined;
  digest: string | undefined;
};

function upstreamParseNormalizedNamed(s: string): UpstreamParts | null {
  if (/^[a-f0-9]{64}$/.test(s)) return null;
  let domain = "docker.io";
  let remainder: string;
  const slash = s.indexOf("/");
  if (slash < 0) {
    remainder = `library/${s}`;
  } else {
    const first = s.slice(0, slash);
    const rest = s.slice(slash + 1);
    // localhost; index.docker.io (normalized below); "." or ":"; uppercase: a registry.
    if (first === "localhost" || /[.:]/.test(first) || first.toLowerCase() !== first) {
      domain = first === "index.docker.io" ? "docker.io" : first;
      remainder = rest;
    } else {
      remainder = s;
    }
    if (domain === "docker.io" && !remainder.includes("/")) remainder = `library/${remainder}`;
  }
  const colon = remainder.indexOf(":");
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) return null;
  const match = referenceRegexp.exec(`${domain}/${remainder}`);
  if (match === null) return null;
  const name = anchoredNameRegexp.exec(match[1] ?? "");
  if (name === null) return null;
  const path = name[2] ?? "";
  if (path.length > 255) return null;
  const digestText = match[3];
  if (digestText !== undefined) {
    const [algorithm, encoded = ""] = digestText.split(":");
    const expectedLength = algorithm === "sha256" ? 64 : algorithm === "sha512" ? 128 : 0;
    if (expectedLength === 0 || !new RegExp(`^[a-f0-9]{${expectedLength}}$`).test(encoded))
      return null;
  }
  return { domain: name[1] ?? "", path, tag: match[2], digest: digestText };
}
