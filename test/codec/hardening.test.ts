// Hostile inputs of the hardening issue: every nesting depth under any maxDepth ends in a typed
// max_depth_exceeded (never a RangeError), huge numbers are refused by their digit count, long
// escaped strings read correctly, -0 survives JSON text, unknown fields are bounded, options are
// checked the same way everywhere. No timing is asserted: behaviour and bounded messages are.
import { create, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { TaskIDSchema, TaskInfoSchema, Value_RangeSchema } from "../../gen/mesos/mesos_pb.js";
import {
  DEFAULT_MAX_UNKNOWN_FIELDS,
  DecodeError,
  decode,
  encode,
  fromMesosJson,
  safeDecode,
  safeFromMesosJson,
  toMesosJson,
  toMesosJsonText,
} from "../../src/codec/index.js";
import { HolderSchema, type Node, NodeSchema } from "./test-schema.js";
import { thrown } from "./thrown.js";
import { bytes, str } from "./wire.js";

const decodeError = (run: () => unknown) => thrown(DecodeError, run);

/** `depth` start-group tags of field 15, then as many end-group tags (2 bytes per level). */
function groupBomb(depth: number): Uint8Array {
  const out = new Uint8Array(2 * depth);
  out.fill(0x7b, 0, depth);
  out.fill(0x7c, depth);
  return out;
}

/** A Node nested `depth` levels through `child`, each with id = 1, written in linear time. */
function nodeChain(depth: number): Uint8Array {
  // Sizes from the inside out, then the bytes from the outside in.
  const sizes = [2];
  for (let i = 1; i < depth; i++) {
    const inner = sizes[i - 1] as number;
    sizes.push(3 + varintBytes(inner).length + inner);
  }
  const out = new Uint8Array(sizes[depth - 1] as number);
  let pos = 0;
  for (let i = depth - 1; i >= 1; i--) {
    out.set([0x08, 0x01, 0x12, ...varintBytes(sizes[i - 1] as number)], pos);
    pos += 3 + varintBytes(sizes[i - 1] as number).length;
  }
  out.set([0x08, 0x01], pos);
  return out;
}

/** a then b, without spreading (the bombs are too long for an argument list). */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function varintBytes(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

describe("nesting: typed max_depth_exceeded at any depth and limit", () => {
  test.each([
    ["unknown groups 3,000 deep, default limit", 3_000, undefined],
    ["unknown groups 100,000 deep, limit 50,000", 100_000, 50_000],
    ["unknown groups 1,000,000 deep, limit 999,999", 1_000_000, 999_999],
  ])("%s", (_name, depth, maxDepth) => {
    const input = concat(str(1, "n"), groupBomb(depth));
    const options = maxDepth === undefined ? {} : { maxDepth, maxBytes: input.length };
    const error = decodeError(() => decode(TaskIDSchema, input, options));
    expect(error.code).toBe("max_depth_exceeded");
    expect(error.offset).toBeTypeOf("number");
    expect(safeDecode(TaskIDSchema, input, options).success).toBe(false);
  });

  test("unknown groups 1,000,000 deep within the limit are one unknown field, kept byte for byte", () => {
    const input = concat(str(1, "n"), groupBomb(1_000_000));
    const id = decode(TaskIDSchema, input, { maxDepth: 1_000_001, maxBytes: input.length });
    expect(id.value).toBe("n");
    expect(id.$unknown?.length).toBe(1);
    expect(Buffer.compare(toBinary(TaskIDSchema, id), input)).toBe(0); // no diff of 2 MB on failure
  });

  test("known messages 100,000 deep: typed under a lower limit, decoded (no recursion) under a higher one", () => {
    const input = nodeChain(100_000);
    const options = { maxBytes: input.length };
    expect(
      decodeError(() => decode(NodeSchema, input, { ...options, maxDepth: 99_999 })).code,
    ).toBe("max_depth_exceeded");
    let node: Node | undefined = decode(NodeSchema, input, { ...options, maxDepth: 100_000 });
    let depth = 0;
    while (node !== undefined) {
      depth++;
      node = node.child;
    }
    expect(depth).toBe(100_000);
  });

  test.each([
    ["arrays", (n: number) => `{"id": 1, "ints": ${"[".repeat(n)}${"]".repeat(n)}}`],
    ["objects", (n: number) => `{"id": 1, "by_name": ${'{"a":'.repeat(n)}1${"}".repeat(n)}}`],
  ])("JSON %s 200,000 deep: typed under any limit", (_name, text) => {
    const input = text(200_000);
    const big = { maxBytes: input.length };
    for (const maxDepth of [undefined, 1_000, 1_000_000]) {
      const options = maxDepth === undefined ? big : { ...big, maxDepth };
      const error = decodeError(() => fromMesosJson(NodeSchema, input, options));
      // Within the reader's limit the value is read, and the walk refuses the wrong kind.
      expect(["max_depth_exceeded", "invalid_value"]).toContain(error.code);
      if (maxDepth !== 1_000_000) expect(error.code).toBe("max_depth_exceeded");
    }
  });

  test("JSON messages 100,000 deep (text and value): typed under a lower limit, read under a higher one", () => {
    const depth = 100_000;
    const text = `${'{"id": 1, "child": '.repeat(depth - 1)}{"id": 1}${"}".repeat(depth - 1)}`;
    let value: object = { id: 1 };
    for (let i = 1; i < depth; i++) value = { id: 1, child: value };
    for (const input of [text, value]) {
      const options = { maxBytes: text.length, maxDepth: depth - 1 };
      expect(decodeError(() => fromMesosJson(NodeSchema, input, options)).code).toBe(
        "max_depth_exceeded",
      );
      const node = fromMesosJson(NodeSchema, input, { ...options, maxDepth: depth });
      let n = 0;
      for (let m: Node | undefined = node; m !== undefined; m = m.child) n++;
      expect(n).toBe(depth);
    }
  });

  test("property: any group nesting under any limit decodes or is max_depth_exceeded", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000 }),
        fc.integer({ min: 1, max: 3_000 }),
        (depth, maxDepth) => {
          const result = safeDecode(HolderSchema, groupBomb(depth), { maxDepth });
          // Root = 1, so depth groups need maxDepth >= depth + 1.
          if (depth + 1 <= maxDepth) expect(result.success).toBe(true);
          else
            expect(result.success ? "accepted" : result.issues[0]?.code).toBe("max_depth_exceeded");
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("numbers and strings: refused or read at once, messages bounded", () => {
  const digits = "9".repeat(2_000_000);

  test.each([
    ["a 2,000,000-digit uint64 string", { begin: digits, end: 1 }],
    ["a 2,000,000-digit bare uint64 in text", `{"begin": ${digits}, "end": 1}`],
    [
      "a 2,000,000-digit string with leading zeros kept short",
      { begin: `${"0".repeat(10)}${digits}`, end: 1 },
    ],
  ])("%s is out_of_range, quoting a prefix", (_name, input) => {
    const maxBytes = 3_000_000;
    const error = decodeError(() => fromMesosJson(Value_RangeSchema, input, { maxBytes }));
    expect([error.code, error.path]).toEqual(["out_of_range", ["begin"]]);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain("99999999");
  });

  test("leading zeros do not count as digits", () => {
    const range = fromMesosJson(Value_RangeSchema, { begin: `${"0".repeat(1000)}42`, end: "0" });
    expect(range.begin).toBe(42n);
  });

  test.each([
    [
      "an escape first",
      `\\n${"a".repeat(4 * 1024 * 1024 - 2)}`,
      `\n${"a".repeat(4 * 1024 * 1024 - 2)}`,
    ],
    ["escapes only", "\\t".repeat(1024 * 1024), "\t".repeat(1024 * 1024)],
    ["\\u escapes", "\\u00e9".repeat(500_000), "\u00e9".repeat(500_000)],
  ])("a 4 MiB JSON string with %s reads correctly", (_name, escaped, expected) => {
    const text = `{"value": "${escaped}"}`;
    const id = fromMesosJson(TaskIDSchema, text, { maxBytes: text.length });
    expect(id.value.length).toBe(expected.length);
    expect(id.value === expected).toBe(true);
  });
});

describe("-0 and other doubles survive Mesos JSON byte for byte", () => {
  test.each([
    [-0],
    [0],
    [Number.MIN_VALUE],
    [-Number.MAX_VALUE],
    [Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY],
  ])("%d through text and through a value", (d) => {
    const node = create(NodeSchema, { id: 1, d, doubles: [d, -d] });
    const bytes = encode(NodeSchema, node);
    const text = toMesosJsonText(NodeSchema, node);
    expect(encode(NodeSchema, fromMesosJson(NodeSchema, text))).toEqual(bytes);
    expect(encode(NodeSchema, fromMesosJson(NodeSchema, toMesosJson(NodeSchema, node)))).toEqual(
      bytes,
    );
  });

  test("NaN (which JSON cannot sign) comes back as NaN", () => {
    const node = create(NodeSchema, { id: 1, d: Number.NaN });
    expect(toMesosJsonText(NodeSchema, node)).toContain('"d":NaN');
    expect(fromMesosJson(NodeSchema, toMesosJsonText(NodeSchema, node)).d).toBeNaN();
  });

  test("-0 is written as -0 in text", () => {
    expect(toMesosJsonText(NodeSchema, create(NodeSchema, { id: 1, d: -0 }))).toContain('"d":-0');
  });

  test("property: any double round-trips through text with the same bytes", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (d) => {
        const node = create(NodeSchema, { id: 1, d });
        const back = fromMesosJson(NodeSchema, toMesosJsonText(NodeSchema, node));
        expect(encode(NodeSchema, back)).toEqual(encode(NodeSchema, node));
      }),
      { numRuns: 500 },
    );
  });
});

describe("unknown fields are bounded", () => {
  /** `n` one-byte-value unknown varint fields (field 9, value 0): 2 bytes each. */
  const tiny = (n: number) => {
    const out = new Uint8Array(2 * n);
    for (let i = 0; i < n; i++) out[2 * i] = 0x48;
    return out;
  };

  test("10^6 tiny unknown fields are refused with too_many_unknown_fields", () => {
    const input = tiny(1_000_000);
    const error = decodeError(() => decode(HolderSchema, input));
    expect(error.code).toBe("too_many_unknown_fields");
    expect(error.offset).toBe(2 * DEFAULT_MAX_UNKNOWN_FIELDS);
  });

  test("up to maxUnknownFields are kept, byte for byte; one more is refused", () => {
    for (const max of [0, 1, 5, 100]) {
      const ok = decode(HolderSchema, tiny(max), { maxUnknownFields: max });
      expect(ok.$unknown?.length ?? 0).toBe(max);
      expect(toBinary(HolderSchema, ok)).toEqual(tiny(max));
      expect(
        decodeError(() => decode(HolderSchema, tiny(max + 1), { maxUnknownFields: max })).code,
      ).toBe("too_many_unknown_fields");
    }
  });
});

describe("options are checked the same way by decode and fromMesosJson", () => {
  const bad = [
    { maxBytes: Number.NaN },
    { maxDepth: Number.NaN },
    { maxBytes: -1 },
    { maxDepth: 2.5 },
    { maxDepth: Number.POSITIVE_INFINITY },
    { maxUnknownFields: -3 },
    { maxBytes: "10" as unknown as number },
  ];

  test.each(bad)("%o is invalid_option", (options) => {
    const bytesIn = toBinary(TaskIDSchema, create(TaskIDSchema, { value: "x" }));
    expect(decodeError(() => decode(TaskIDSchema, bytesIn, options)).code).toBe("invalid_option");
    expect(decodeError(() => fromMesosJson(TaskIDSchema, '{"value":"x"}', options)).code).toBe(
      "invalid_option",
    );
    expect(decodeError(() => fromMesosJson(TaskIDSchema, { value: "x" }, options)).code).toBe(
      "invalid_option",
    );
    expect(safeFromMesosJson(TaskIDSchema, { value: "x" }, options).success).toBe(false);
  });

  test("valid limits are taken, including 0", () => {
    expect(decode(TaskIDSchema, new Uint8Array(0), { maxBytes: 0, required: false }).value).toBe(
      "",
    );
    expect(decodeError(() => fromMesosJson(TaskIDSchema, "{}", { maxDepth: 0 })).code).toBe(
      "max_depth_exceeded",
    );
  });

  test("required: false skips only the required check, in both decoders", () => {
    expect(decode(TaskInfoSchema, bytes(str(1, "n")), { required: false }).name).toBe("n");
    expect(fromMesosJson(TaskInfoSchema, { name: "n" }, { required: false }).name).toBe("n");
    expect(
      decodeError(() => fromMesosJson(TaskInfoSchema, { name: 5 }, { required: false })).code,
    ).toBe("invalid_value");
    expect(decodeError(() => fromMesosJson(TaskInfoSchema, { name: "n" })).code).toBe(
      "required_field_missing",
    );
  });
});
