// The plugin on a schema with maps, a oneof, packed and unpacked scalars, every scalar type,
// jstype JS_STRING, defaults and recursion (gc-schema.ts), run in-process: its output is written
// to a temporary directory with its imports pointed at this checkout, loaded, and held to the
// reflective codec by the same differential properties as the mesos schema.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { create, type DescMessage, toBinary } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema } from "@bufbuild/protobuf/wkt";
import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
// @ts-expect-error: a plain .mjs module without type declarations
import { plugin } from "../../plugin/codec-generator.mjs";
import { reflectiveDecode } from "../../src/codec/decode.js";
import type { CodecEntry } from "../../src/codec/generated/runtime/index.js";
import { codecOf, type GeneratedCodec } from "../../src/codec/generated/runtime/index.js";
import { encode } from "../../src/codec/index.js";
import { arbitraryMessage, mutatedBytes } from "../../src/testing/index.js";
import { bytes, ld, str, tag, vi } from "../codec/wire.js";
import {
  encodeIssues,
  expectSameDecode,
  expectSameEncode,
  generatedDecode,
  type Outcome,
} from "./compare.js";
import { EmptySchema, GC_TEST_FILE, HolderSchema, NodeSchema } from "./gc-schema.js";

const here = resolve(import.meta.dirname);
const root = resolve(here, "../..");
let dir = "";
let codecs = new Map<DescMessage, GeneratedCodec>();
let source = "";

beforeAll(async () => {
  const request = create(CodeGeneratorRequestSchema, {
    fileToGenerate: [GC_TEST_FILE.name],
    parameter: "target=ts,import_extension=js",
    protoFile: [GC_TEST_FILE],
  });
  const response = plugin.run(request) as { file: { name: string; content: string }[] };
  const file = response.file.find((f) => f.name === "gctest/gc_test_codec.ts");
  if (file === undefined) throw new Error("the plugin wrote no gctest/gc_test_codec.ts");
  source = file.content;
  dir = mkdtempSync(join(tmpdir(), "gc-codec-"));
  const path = join(dir, "gc_test_codec.ts");
  writeFileSync(
    path,
    source
      .replace(
        /"(\.\.\/)+src\/codec\/generated\/runtime\/index\.js"/,
        JSON.stringify(join(root, "src/codec/generated/runtime/index.ts")),
      )
      .replace('"./gc_test_pb.js"', JSON.stringify(join(here, "gc-schema.ts"))),
  );
  const mod = (await import(path)) as { codecs: readonly CodecEntry[] };
  codecs = new Map(mod.codecs.map((e) => [e.schema, codecOf(e)]));
});

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

function varintLength(n: number): number {
  let length = 1;
  for (let v = n; v >= 0x80; v >>>= 7) length++;
  return length;
}

function codec(schema: DescMessage): GeneratedCodec {
  const c = codecs.get(schema);
  if (c === undefined) throw new Error(`no generated codec for ${schema.typeName}`);
  return c;
}

/** The generated reader (through the default decode's steps) against the reflective one. */
function sameDecode(schema: DescMessage, input: Uint8Array): Outcome {
  return expectSameDecode(schema, input, undefined, codec(schema));
}

/** The first issue of a failed outcome. */
const firstIssue = (outcome: Outcome) => ("issues" in outcome ? outcome.issues[0] : outcome);

const SCHEMAS: [string, DescMessage][] = [
  ["Node", NodeSchema],
  ["Holder", HolderSchema],
];

test("the plugin writes a codec for every message of the file", () => {
  expect([...codecs.keys()].map((s) => s.typeName).sort()).toEqual(
    [EmptySchema, HolderSchema, NodeSchema].map((s) => s.typeName).sort(),
  );
  expect(source).toContain("export const codecs");
  // Map key and value fields are named like the reflective codec's synthetic entry fields.
  expect(source).toContain(
    'R.failMismatch(r, t2, "value", -1, "enum gctest.Color", 2, 0, wt, false)',
  );
  expect(source).toContain(
    'R.failMismatch(r, t2, "value", -1, "message gctest.Node", 2, 2, wt, false)',
  );
  expect(source).toContain('R.failMismatch(r, t2, "key", -1, "int64", 1, 0, wt, false)');
});

describe.each(SCHEMAS)("%s", (_name, schema) => {
  const messages = arbitraryMessage(schema, { unknownFields: true, maxDepth: 3 });
  const encoded = messages.map((m) => toBinary(schema, m));

  test("encode is byte-identical to toBinary (packed, maps, oneof, 64-bit)", () => {
    fc.assert(
      fc.property(messages, (m) => {
        expect(codec(schema).write(m)).toEqual(toBinary(schema, m));
        expect(expectSameEncode(schema, m, codec(schema))).toEqual(toBinary(schema, m));
      }),
      { numRuns: 100 },
    );
  });

  test("decode equals fromBinary exactly on valid encodings", () => {
    fc.assert(
      fc.property(encoded, (input) => {
        expect(sameDecode(schema, input)).toHaveProperty("ok");
      }),
      { numRuns: 100 },
    );
  });

  test("mutated encodings: the same message or the same error", () => {
    fc.assert(
      fc.property(mutatedBytes(encoded), (input) => {
        sameDecode(schema, input);
      }),
      { numRuns: 200 },
    );
  });
});

describe("rules only this schema has", () => {
  test.each([
    [
      "an undeclared value in a packed repeated enum",
      bytes(vi(1, 1), ld(4, [1, 2, 7])),
      "unknown_enum_value",
    ],
    [
      "an undeclared value in an unpacked repeated enum",
      bytes(vi(1, 1), vi(3, 2), vi(3, 9)),
      "unknown_enum_value",
    ],
    ["a packed encoding of an unpacked enum list", bytes(vi(1, 1), ld(3, [1, 2])), undefined],
    ["an unpacked encoding of a packed int list", bytes(vi(1, 1), vi(14, 5), vi(14, 6)), undefined],
    [
      "a packed fixed-width run with a partial element",
      bytes(vi(1, 1), ld(18, [0, 0, 0])),
      "truncated",
    ],
    ["a varint cut short in a packed run", bytes(vi(1, 1), ld(14, [0x80])), "truncated"],
    [
      "an undeclared enum as a map value",
      bytes(vi(1, 1), ld(6, bytes(str(1, "k"), vi(2, 9)))),
      "unknown_enum_value",
    ],
    [
      "a map key with the wrong wire type",
      bytes(vi(1, 1), ld(6, bytes(vi(1, 3)))),
      "wire_type_mismatch",
    ],
    [
      "a map value message missing its required field",
      bytes(vi(1, 1), ld(26, bytes(vi(1, 4), ld(2, [])))),
      "required_field_missing",
    ],
    // The value left out is a fresh Node, which lacks its required id (no offset: no bytes).
    [
      "a map entry with neither key nor value",
      bytes(vi(1, 1), ld(26, [])),
      "required_field_missing",
    ],
    [
      "a map entry with an unknown field",
      bytes(vi(1, 1), ld(6, bytes(str(1, "k"), vi(3, 1), vi(2, 1)))),
      undefined,
    ],
    [
      "invalid UTF-8 in a map key",
      bytes(vi(1, 1), ld(6, bytes(ld(1, [0xff]), vi(2, 1)))),
      "invalid_utf8",
    ],
    [
      "a negative declared enum",
      bytes(vi(1, 1), tag(5, 0), [0xfb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
      undefined,
    ],
    ["a field number above the dense range", bytes(vi(1, 1), vi(5000, 3)), undefined],
    [
      "a recursive message missing a required field",
      bytes(vi(1, 1), ld(17, ld(2, []))),
      "required_field_missing",
    ],
  ])("%s", (_what, input, code) => {
    const result = sameDecode(NodeSchema, input);
    if (code === undefined) expect(result).toHaveProperty("ok");
    else expect(firstIssue(result)).toMatchObject({ code });
  });

  test.each([
    ["the oneof switches case and the last one wins", bytes(str(9, "w"), ld(4, vi(1, 1)))],
    ["a oneof message seen twice merges", bytes(ld(4, vi(1, 1)), ld(4, str(15, "t")))],
    ["an undeclared enum in the oneof", bytes(vi(5, 3))],
  ])("Holder: %s", (_what, input) => {
    sameDecode(HolderSchema, input);
  });

  test("recursion deeper than maxDepth is refused at the same place", () => {
    let input = vi(1, 1);
    for (let i = 0; i < 150; i++) input = bytes(vi(1, 1), ld(2, input));
    expect(firstIssue(sameDecode(NodeSchema, input))).toMatchObject({ code: "max_depth_exceeded" });
  });

  test("recursion 10^4 deep with a huge maxDepth decodes as the reflective decode does, no stack overflow", () => {
    // Node { id = 1; child = 2 } nested 10^4 times, built inside out without quadratic copies.
    const depth = 10_000;
    const sizes: number[] = [2];
    for (let i = 1; i < depth; i++) {
      const inner = sizes[i - 1] as number;
      sizes.push(2 + 1 + varintLength(inner) + inner);
    }
    const input = new Uint8Array(sizes[depth - 1] as number);
    let pos = 0;
    for (let i = depth - 1; i >= 1; i--) {
      input.set([0x08, 0x01, 0x12], pos);
      pos += 3;
      for (let v = sizes[i - 1] as number; ; v >>>= 7) {
        if (v < 0x80) {
          input[pos++] = v;
          break;
        }
        input[pos++] = (v & 0x7f) | 0x80;
      }
    }
    input.set([0x08, 0x01], pos);
    // Past STACK_SAFE_DEPTH (500) the generated reader hands over to the iterative reflective
    // one: the same message as the reflective decode, at any depth maxDepth allows.
    const levels = (root: unknown): number => {
      let n = 0;
      for (let m = root as { id?: number; child?: unknown } | undefined; m; m = m.child as never) {
        if (m.id !== 1) return -1;
        n++;
      }
      return n;
    };
    const generated = generatedDecode(
      NodeSchema,
      input,
      { maxDepth: 1_000_000 },
      codec(NodeSchema),
    );
    expect(levels(generated)).toBe(depth);
    // Just below the input's depth: the same typed error as the reflective decode.
    const limited = expectSameDecode(NodeSchema, input, { maxDepth: depth - 1 }, codec(NodeSchema));
    expect(firstIssue(limited)).toMatchObject({ code: "max_depth_exceeded" });
    // (fromBinary, which the outcome helpers compare against, recurses: walk both instead.)
    expect(levels(reflectiveDecode(NodeSchema, input, { maxDepth: 1_000_000 }))).toBe(depth);
  });

  test("encode problems: the same codes and paths as the reflective encode", () => {
    const node = create(NodeSchema) as Record<string, unknown>;
    node.colors = [1, 9];
    node.byName = { a: 1, b: 77 };
    node.text = "\uDFFF";
    node.children = [create(NodeSchema)];
    const expected = (() => {
      try {
        encode(NodeSchema, node as never);
      } catch (e) {
        return encodeIssues(e);
      }
      return [];
    })();
    expect(expected.length).toBeGreaterThan(3);
    // The generated encoder declines; the reflective encode lists the problems.
    expect(codec(NodeSchema).write(node as never)).toBeUndefined();
    expectSameEncode(NodeSchema, node, codec(NodeSchema));
  });
});
