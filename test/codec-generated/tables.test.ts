// Table tests of the generated codec: every decode error rule on hand-written bytes (the code
// is asserted, and the generated result must equal the reflective one: code, path, offset),
// nesting at the depth limit ± 1, unknown groups 10^4 deep, and encode problems and sizes.
import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import {
  ContainerInfo_Type,
  ContainerInfoSchema,
  OfferSchema,
  ResourceSchema,
  type TaskInfo,
  TaskInfoSchema,
  Value_Type,
} from "../../gen/mesos/mesos_pb.js";
import { encode } from "../../src/codec/encode.js";
import { generatedCodec } from "../../src/codec/generated/index.js";
import { DecodeError, EncodeError } from "../../src/problems/index.js";
import { bytes, ld, str, tag, vi } from "../codec/wire.js";
import { commandTask, dockerExecutorTask, dockerTask, offer } from "../fixtures/canonical.js";
import {
  expectSameDecode,
  expectSameEncode,
  generatedDecode,
  generatedOutcome,
  type Outcome,
} from "./compare.js";

const task = generatedCodec(TaskInfoSchema);
const container = generatedCodec(ContainerInfoSchema);
if (task === undefined || container === undefined) throw new Error("no generated codec");
/** The default decode path with the generated reader's own errors. */
const gdecode = (input: Uint8Array, options?: { maxDepth?: number; maxBytes?: number }) =>
  generatedDecode(TaskInfoSchema, input, options) as TaskInfo;
/** The first issue of a failed outcome. */
const firstIssue = (outcome: Outcome) => ("issues" in outcome ? outcome.issues[0] : outcome);

const ID = (no: number, value = "x") => ld(no, str(1, value));
/** name, task_id and slave_id: the required fields of a TaskInfo. */
const HEAD = bytes(str(1, "t"), ID(2), ID(3));
const DOCKER = ContainerInfo_Type.DOCKER;

describe("decode errors: same code, path and offset as the reflective decode", () => {
  const cases: [string, Uint8Array, string][] = [
    ["a string field sent as a varint", bytes(vi(1, 5), HEAD), "wire_type_mismatch"],
    ["a message field sent as 32-bit", bytes(HEAD, tag(9, 5), [0, 0, 0, 0]), "wire_type_mismatch"],
    ["a length past the end", bytes(tag(1, 2), 5, 97), "truncated"],
    [
      "a nested length past its message",
      bytes(str(1, "t"), ld(2, bytes(tag(1, 2), 9)), ID(3)),
      "truncated",
    ],
    ["a tag cut short", bytes(HEAD, 0x80), "truncated"],
    ["field number 0", bytes(HEAD, 0x00), "invalid_tag"],
    ["wire type 7", bytes(HEAD, 0x0f), "invalid_tag"],
    ["a 6-byte tag", bytes(HEAD, [0x80, 0x80, 0x80, 0x80, 0x80, 0x01]), "invalid_tag"],
    ["an end-group tag at the root", bytes(HEAD, tag(5, 4)), "invalid_end_group"],
    [
      "an unknown group closed by another number",
      bytes(HEAD, tag(20, 3), tag(21, 4)),
      "invalid_end_group",
    ],
    ["an unknown group without its end", bytes(HEAD, tag(20, 3), vi(1, 1)), "truncated"],
    ["invalid UTF-8 in a string", bytes(ld(1, [0x61, 0xff]), ID(2), ID(3)), "invalid_utf8"],
    [
      "a UTF-8 surrogate in a string",
      bytes(ld(1, [0xed, 0xa0, 0x80]), ID(2), ID(3)),
      "invalid_utf8",
    ],
    ["an overlong UTF-8 form", bytes(ld(1, [0xc0, 0xaf]), ID(2), ID(3)), "invalid_utf8"],
    ["invalid UTF-8 nested", bytes(str(1, "t"), ld(2, ld(1, [0xfe])), ID(3)), "invalid_utf8"],
    ["an 11-byte varint", bytes(HEAD, tag(30, 0), new Array(10).fill(0x80), 1), "invalid_varint"],
    [
      "a 10th varint byte above 1",
      bytes(HEAD, tag(30, 0), new Array(9).fill(0xff), 2),
      "invalid_varint",
    ],
    ["an unknown 64-bit value cut short", bytes(HEAD, tag(30, 1), [1, 2, 3]), "truncated"],
    ["an undeclared closed-enum value", bytes(HEAD, ld(9, vi(1, 7))), "unknown_enum_value"],
    [
      "a negative closed-enum value",
      bytes(HEAD, ld(9, bytes(tag(1, 0), new Array(9).fill(0xff), 1))),
      "unknown_enum_value",
    ],
    ["no required fields at all", new Uint8Array(0), "required_field_missing"],
    [
      "a required field of a nested message",
      bytes(str(1, "t"), ld(2, []), ID(3)),
      "required_field_missing",
    ],
    [
      "a required field of a repeated element",
      bytes(HEAD, ld(4, str(1, "cpus"))),
      "required_field_missing",
    ],
    [
      "a nested required field another occurrence does not complete",
      bytes(HEAD, ld(9, []), ld(9, [])),
      "required_field_missing",
    ],
    [
      "two nested messages each missing a different field (first in field order wins)",
      bytes(str(1, "t"), ld(3, []), ld(2, [])),
      "required_field_missing",
    ],
  ];

  test.each(cases)("%s", (_what, input, code) => {
    const outcome = expectSameDecode(TaskInfoSchema, input);
    expect(firstIssue(outcome)).toMatchObject({ code });
  });

  test("the error is the problems' DecodeError with one issue", () => {
    try {
      gdecode(bytes(vi(1, 5)));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DecodeError);
      const err = e as DecodeError;
      expect(err.issues).toEqual([
        expect.objectContaining({ code: "wire_type_mismatch", path: ["name"], offset: 0 }),
      ]);
    }
  });

  test("undeclared enum values in a repeated element name the element", () => {
    const volume = (mode: number) => ld(2, bytes(str(1, "/a"), vi(3, mode)));
    const input = bytes(vi(1, DOCKER), ld(100, bytes(str(1, "img"), volume(1), volume(9))));
    expect(expectSameDecode(ContainerInfoSchema, input)).toEqual({
      issues: [
        {
          code: "unknown_enum_value",
          path: ["docker", "volume", 1, "mode"],
          offset: expect.any(Number),
        },
      ],
    });
  });

  test("a nested message missing a field that a later occurrence sets is complete", () => {
    const input = bytes(str(1, "t"), ld(2, []), ID(3), ID(2));
    expect(expectSameDecode(TaskInfoSchema, input)).toHaveProperty("ok");
  });

  test("singular fields: the last value wins; messages merge", () => {
    const input = bytes(HEAD, str(1, "second"), ld(9, vi(1, DOCKER)), ld(9, ld(100, str(1, "i"))));
    const m = gdecode(input);
    expect(m.name).toBe("second");
    expect(m.container?.docker?.image).toBe("i");
    expect(m.container?.type).toBe(DOCKER);
    expectSameDecode(TaskInfoSchema, input);
  });

  test("input checks: not bytes, too large, maxDepth 0, bad options", () => {
    const codes = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return (e as DecodeError).issues.map((i) => i.code);
      }
      return [];
    };
    expect(codes(() => gdecode("x" as unknown as Uint8Array))).toEqual(["invalid_input"]);
    expect(codes(() => gdecode(HEAD, { maxBytes: 3 }))).toEqual(["input_too_large"]);
    expect(codes(() => gdecode(HEAD, { maxDepth: 0 }))).toEqual(["max_depth_exceeded"]);
    expect(codes(() => gdecode(HEAD, { maxDepth: Number.NaN }))).toEqual(["invalid_option"]);
    expect(codes(() => gdecode(HEAD, { maxBytes: -1 }))).toEqual(["invalid_option"]);
    expect(generatedOutcome(TaskInfoSchema, HEAD, { maxBytes: 3 })).toMatchObject({
      issues: [{ offset: 3 }],
    });
  });
});

describe("values", () => {
  test.each([
    ["ASCII", "busybox"],
    ["long ASCII", "a".repeat(300)],
    ["two-byte", "héllo wörld"],
    ["astral", "😀 rocket 🚀"],
    ["a leading byte-order mark", "\uFEFFtext"],
    ["empty", ""],
  ])("%s strings decode as fromBinary does", (_what, name) => {
    const m = create(TaskInfoSchema, { ...commandTask(), name });
    const input = toBinary(TaskInfoSchema, m);
    expect(gdecode(input).name).toBe(name);
    expectSameDecode(TaskInfoSchema, input);
  });

  test("bytes fields and unknown fields never share memory with the input", () => {
    const input = bytes(HEAD, ld(6, [1, 2, 3]), vi(40, 7));
    const m = gdecode(input);
    input.fill(0);
    expect([...(m.data as Uint8Array)]).toEqual([1, 2, 3]);
    expect(m.$unknown?.map((u) => [u.no, u.wireType, [...u.data]])).toEqual([[40, 0, [7]]]);
  });

  test("defaults stay on the prototype and unset fields read as protobuf-es's defaults", () => {
    const m = gdecode(toBinary(TaskInfoSchema, commandTask()));
    expect(Object.hasOwn(m.command ?? {}, "shell")).toBe(false);
    expect(m.command?.shell).toBe(true);
    expect(toBinary(TaskInfoSchema, m)).toEqual(toBinary(TaskInfoSchema, commandTask()));
  });
});

describe("nesting", () => {
  // TaskInfo(1) > executor(2) > container(3) > docker(4): four levels.
  const nested = toBinary(TaskInfoSchema, dockerExecutorTask());
  test.each([1, 2, 3, 4, 5, 6])("a Docker executor task with maxDepth %i", (maxDepth) => {
    const outcome = expectSameDecode(TaskInfoSchema, nested, { maxDepth });
    expect("ok" in outcome).toBe(maxDepth >= 4);
  });

  function groups(depth: number): Uint8Array {
    const open = tag(20, 3);
    const close = tag(20, 4);
    const out = new Uint8Array(HEAD.length + depth * (open.length + close.length));
    out.set(HEAD);
    let pos = HEAD.length;
    for (let i = 0; i < depth; i++, pos += open.length) out.set(open, pos);
    for (let i = 0; i < depth; i++, pos += close.length) out.set(close, pos);
    return out;
  }

  test.each([98, 99, 100])("unknown groups %i deep against the default limit", (depth) => {
    const outcome = expectSameDecode(TaskInfoSchema, groups(depth));
    // The root is level 1, so 99 nested groups are the most the default of 100 allows.
    expect("ok" in outcome).toBe(depth <= 99);
  });

  test("unknown groups 10^4 deep: max_depth_exceeded, then kept whole with a raised limit", () => {
    const input = groups(10_000);
    expect(generatedOutcome(TaskInfoSchema, input)).toEqual({
      // Reported at the outermost unknown group's tag, as the reflective reader reports it.
      issues: [{ code: "max_depth_exceeded", path: [], offset: HEAD.length }],
    });
    const m = gdecode(input, { maxDepth: 20_000 });
    expect(m.$unknown).toHaveLength(1);
    expect(m.$unknown?.[0]?.data.length).toBe(input.length - HEAD.length - 2);
    expect(task.write(m)).toEqual(input);
    expect(encode(TaskInfoSchema, m)).toEqual(input);
  });

  test("an unterminated group 10^5 deep is a typed error, not a stack overflow", () => {
    const input = groups(100_000).subarray(0, HEAD.length + 100_000);
    expect(generatedOutcome(TaskInfoSchema, input, { maxDepth: 1_000_000 })).toMatchObject({
      issues: [{ code: "truncated" }],
    });
  });
});

describe("encode", () => {
  test("the canonical messages are byte-identical to toBinary", () => {
    for (const m of [commandTask(), dockerTask(), dockerExecutorTask()]) {
      expect(task.write(m)).toEqual(toBinary(TaskInfoSchema, m));
      expect(encode(TaskInfoSchema, m)).toEqual(toBinary(TaskInfoSchema, m));
    }
    const big = offer(100);
    expect(generatedCodec(OfferSchema)?.write(big)).toEqual(toBinary(OfferSchema, big));
  });

  test.each([200, 20_000, 3_000_000])("a %i-byte string and its enclosing lengths", (n) => {
    const m = dockerTask();
    m.container = create(ContainerInfoSchema, {
      type: DOCKER,
      docker: { image: "é".repeat(n / 2) },
    });
    // Buffer.equals: a deep toEqual over megabytes takes seconds.
    const same = Buffer.from(task.write(m) ?? []).equals(toBinary(TaskInfoSchema, m));
    expect(same).toBe(true);
  });

  test("every missing required field at once, in field order", () => {
    const m = create(TaskInfoSchema, { resources: [{ type: Value_Type.SCALAR }] });
    expectSameEncode(TaskInfoSchema, m);
    expect(task.write(m)).toBeUndefined();
    try {
      encode(TaskInfoSchema, m);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EncodeError);
      expect((e as EncodeError).issues.map((i) => i.path)).toEqual([
        ["name"],
        ["task_id"],
        ["slave_id"],
        ["resources", 0, "name"],
      ]);
    }
  });

  const broken: [string, (m: TaskInfo) => void, string][] = [
    ["an unpaired surrogate", (m) => (m.name = "a\uD800"), "unpaired_surrogate"],
    [
      "an unpaired surrogate in a long string",
      (m) => (m.name = `${"a".repeat(60)}\uDC00`),
      "unpaired_surrogate",
    ],
    [
      "an undeclared enum",
      (m) => (m.container = create(ContainerInfoSchema, { type: 9 as ContainerInfo_Type })),
      "unknown_enum_value",
    ],
    [
      "a uint64 out of range",
      (m) =>
        m.resources.push(
          create(ResourceSchema, {
            name: "ports",
            type: Value_Type.RANGES,
            ranges: { range: [{ begin: -1n, end: 2n }] },
          }),
        ),
      "out_of_range",
    ],
    [
      "an int32 that is not an integer",
      (m) => ((m.container as object) = { $typeName: "x" }),
      "wrong_message_type",
    ],
  ];
  test.each(broken)("%s", (_what, breakIt, code) => {
    const m = commandTask();
    breakIt(m);
    expectSameEncode(TaskInfoSchema, m);
    expect(task.write(m)).toBeUndefined();
    expect(() => encode(TaskInfoSchema, m)).toThrow(EncodeError);
    try {
      encode(TaskInfoSchema, m);
    } catch (e) {
      expect((e as EncodeError).code).toBe(code);
    }
  });

  test("a message of another type", () => {
    const m = offer(1);
    expectSameEncode(TaskInfoSchema, m);
    expect(task.write(m as never)).toBeUndefined();
    expect(() => encode(TaskInfoSchema, m as never)).toThrow(/wrong_message_type/);
  });

  test("a message that contains itself is a typed error", () => {
    const m = create(ContainerInfoSchema, { type: DOCKER });
    const cyclic = m as unknown as { docker: unknown };
    cyclic.docker = m;
    expect(container.write(m)).toBeUndefined();
    expect(() => encode(ContainerInfoSchema, m)).toThrow(EncodeError);
  });
});
