// Hostile binary input: each case with the DecodeError code, path and offset strict decode must
// give (issue 5's table), plus the valid side of each rule.
import { type DescField, type DescMessage, toBinary } from "@bufbuild/protobuf";
import { BinaryReader } from "@bufbuild/protobuf/wire";
import { describe, expect, test } from "vitest";
import {
  ContainerInfo_DockerInfo_VolumeSchema,
  ContainerInfoSchema,
  ExecutorInfoSchema,
  file_mesos_mesos,
  TaskIDSchema,
  TaskInfoSchema,
} from "../../gen/mesos/mesos_pb.js";
import { decode, safeDecode } from "../../src/codec/decode.js";
import { DecodeError } from "../../src/codec/errors.js";
import type { IssueCode } from "../../src/problems/index.js";
import { commandTask, dockerTask } from "../fixtures/canonical.js";
import { NodeSchema, WideSchema } from "./test-schema.js";
import { thrown } from "./thrown.js";
import { bytes, ld, negativeVarint, str, tag, varint, vi } from "./wire.js";

interface Expected {
  readonly code: IssueCode;
  readonly path?: (string | number)[];
  readonly offset?: number;
}

function expectError(
  schema: DescMessage,
  input: Uint8Array,
  expected: Expected,
  options = {},
): DecodeError {
  const result = safeDecode(schema, input, options);
  if (result.success) throw new Error(`expected ${expected.code}, but the input decoded`);
  expect(result.issues[0]?.code).toBe(expected.code);
  const error = thrown(DecodeError, () => decode(schema, input, options));
  expect(error.code).toBe(expected.code);
  if (expected.path !== undefined) expect(error.path).toEqual(expected.path);
  if (expected.offset !== undefined) expect(error.offset).toBe(expected.offset);
  // The message names the code, the path and the offset.
  expect(error.message).toContain(expected.code);
  if (error.offset !== undefined) expect(error.message).toContain(`(offset ${error.offset})`);
  return error;
}

const validTaskPrefix = bytes(str(1, "n"), ld(2, str(1, "t")), ld(3, str(1, "s")));

describe("hostile binary input", () => {
  test.each<[string, DescMessage, Uint8Array, Expected]>([
    [
      "empty input where required fields exist",
      TaskInfoSchema,
      bytes(),
      { code: "required_field_missing", path: ["name"], offset: 0 },
    ],
    [
      "tag with field number 0 (varint)",
      TaskIDSchema,
      bytes(0x00),
      { code: "invalid_tag", path: [], offset: 0 },
    ],
    [
      "tag with field number 0 (length-delimited)",
      TaskIDSchema,
      bytes(0x02, 0x00),
      { code: "invalid_tag", offset: 0 },
    ],
    [
      "field number 2^29 (one past the maximum)",
      TaskIDSchema,
      bytes(0x80, 0x80, 0x80, 0x80, 0x10, 0x00),
      { code: "invalid_tag", offset: 0 },
    ],
    [
      "tag varint of 6 bytes",
      TaskIDSchema,
      bytes(0x8a, 0x80, 0x80, 0x80, 0x80, 0x00, 0x01, 0x61),
      { code: "invalid_tag", offset: 0 },
    ],
    ["wire type 6", TaskIDSchema, bytes(0x0e), { code: "invalid_tag", offset: 0 }],
    ["wire type 7", TaskIDSchema, bytes(str(1, "a"), 0x0f), { code: "invalid_tag", offset: 3 }],
    [
      "stray end-group tag",
      TaskIDSchema,
      bytes(str(1, "a"), tag(1, 4)),
      { code: "invalid_end_group", offset: 3 },
    ],
    [
      "end-group of another field",
      TaskIDSchema,
      bytes(str(1, "a"), tag(15, 3), tag(16, 4)),
      { code: "invalid_end_group", offset: 4 },
    ],
    [
      "unterminated group",
      TaskIDSchema,
      bytes(str(1, "a"), tag(15, 3), vi(1, 1)),
      { code: "truncated", offset: 3 },
    ],
    [
      "length prefix 2^31 on a string",
      TaskIDSchema,
      bytes(tag(1, 2), varint(2 ** 31), 0x61),
      { code: "truncated", path: ["value"], offset: 0 },
    ],
    [
      "length prefix 2^31 on a message",
      TaskInfoSchema,
      bytes(str(1, "n"), tag(2, 2), varint(2 ** 31)),
      { code: "truncated", path: ["task_id"], offset: 3 },
    ],
    [
      "length prefix 2^31 on an unknown field",
      TaskIDSchema,
      bytes(tag(9, 2), varint(2 ** 31)),
      { code: "truncated", path: [], offset: 0 },
    ],
    [
      "length prefix 2^32 + 1 (protobuf-es would read 1)",
      TaskIDSchema,
      bytes(tag(1, 2), varint(2 ** 32 + 1), 0x61),
      { code: "truncated", offset: 0 },
    ],
    [
      "nested length past the enclosing message",
      TaskInfoSchema,
      bytes(str(1, "n"), ld(2, bytes(tag(1, 2), 5, 0x61)), 0x61, 0x61, 0x61, 0x61),
      { code: "truncated", path: ["task_id", "value"], offset: 5 },
    ],
    [
      "varint of 11 bytes",
      ExecutorInfoSchema,
      bytes(tag(12, 0), Array(10).fill(0xff), 0x01),
      { code: "invalid_varint", offset: 1 },
    ],
    [
      "10th varint byte above 1 (overflows 64 bits)",
      ContainerInfoSchema,
      bytes(tag(1, 0), Array(9).fill(0xff), 0x7f),
      { code: "invalid_varint", path: ["type"], offset: 1 },
    ],
    [
      "input ends inside a varint",
      ContainerInfoSchema,
      bytes(tag(1, 0), 0x81),
      { code: "truncated", path: ["type"], offset: 0 },
    ],
    [
      "input ends inside a tag",
      TaskIDSchema,
      bytes(str(1, "a"), 0x80),
      { code: "truncated", offset: 3 },
    ],
    [
      "input ends inside a double",
      NodeSchema,
      bytes(vi(1, 1), tag(10, 1), 0, 0, 0),
      { code: "truncated", path: ["d"], offset: 2 },
    ],
    [
      "packed doubles not a multiple of 8",
      NodeSchema,
      bytes(vi(1, 1), ld(18, Array(12).fill(0))),
      { code: "truncated", path: ["doubles", 0] },
    ],
    [
      "packed varint run ends inside a varint",
      NodeSchema,
      bytes(vi(1, 1), ld(14, [0x01, 0x80])),
      { code: "truncated", path: ["ints", 0] },
    ],
    [
      "invalid UTF-8: 0xFF",
      TaskIDSchema,
      bytes(ld(1, [0x61, 0xff, 0x62])),
      { code: "invalid_utf8", path: ["value"], offset: 3 },
    ],
    [
      "invalid UTF-8: overlong NUL (C0 80)",
      TaskIDSchema,
      bytes(ld(1, [0xc0, 0x80])),
      { code: "invalid_utf8", offset: 2 },
    ],
    [
      "invalid UTF-8: surrogate (ED A0 80)",
      TaskIDSchema,
      bytes(ld(1, [0x61, 0xed, 0xa0, 0x80])),
      { code: "invalid_utf8", offset: 3 },
    ],
    [
      "invalid UTF-8: above U+10FFFF (F4 90 80 80)",
      TaskIDSchema,
      bytes(ld(1, [0xf4, 0x90, 0x80, 0x80])),
      { code: "invalid_utf8", offset: 2 },
    ],
    [
      "invalid UTF-8: sequence cut by the field end",
      TaskIDSchema,
      bytes(ld(1, [0xe2, 0x82]), str(9, "x")),
      { code: "invalid_utf8", offset: 2 },
    ],
    [
      "invalid UTF-8 deep inside",
      TaskInfoSchema,
      bytes(validTaskPrefix, ld(9, bytes(vi(1, 1), ld(100, ld(1, [0x62, 0x80]))))),
      { code: "invalid_utf8", path: ["container", "docker", "image"] },
    ],
    [
      "unknown enum value, singular",
      ContainerInfoSchema,
      bytes(vi(1, 7)),
      { code: "unknown_enum_value", path: ["type"], offset: 1 },
    ],
    [
      "unknown enum value, negative",
      ContainerInfoSchema,
      bytes(tag(1, 0), negativeVarint(-1)),
      { code: "unknown_enum_value", path: ["type"] },
    ],
    [
      "unknown enum value, deep",
      ContainerInfo_DockerInfo_VolumeSchema,
      bytes(str(1, "/a"), vi(3, 3)),
      { code: "unknown_enum_value", path: ["mode"] },
    ],
    [
      "unknown enum value, repeated",
      NodeSchema,
      bytes(vi(1, 1), vi(3, 1), vi(3, 7)),
      { code: "unknown_enum_value", path: ["colors", 1], offset: 5 },
    ],
    [
      "unknown enum value, packed",
      NodeSchema,
      bytes(vi(1, 1), ld(4, [0x01, 0x02, 0x09])),
      { code: "unknown_enum_value", path: ["packed_colors", 2], offset: 6 },
    ],
    [
      "unknown enum value, second packed run",
      NodeSchema,
      bytes(vi(1, 1), ld(4, [1, 2]), vi(4, 1), ld(4, [2, 9])),
      { code: "unknown_enum_value", path: ["packed_colors", 4] },
    ],
    [
      "unknown enum value, map value",
      NodeSchema,
      bytes(vi(1, 1), ld(6, bytes(str(1, "k"), vi(2, 3)))),
      { code: "unknown_enum_value", path: ["by_name", "k"] },
    ],
    [
      "missing required field, nested in a list",
      TaskInfoSchema,
      bytes(
        validTaskPrefix,
        ld(
          9,
          bytes(
            vi(1, 1),
            ld(100, bytes(str(1, "i"), ld(2, bytes(str(1, "/a"), vi(3, 1))), ld(2, str(1, "/b")))),
          ),
        ),
      ),
      { code: "required_field_missing", path: ["container", "docker", "volume", 1, "mode"] },
    ],
    [
      "missing required field in a group",
      NodeSchema,
      bytes(vi(1, 1), tag(7, 3), tag(7, 4)),
      { code: "required_field_missing", path: ["grp", "x"] },
    ],
    [
      "missing required field past the 30-bit mask",
      WideSchema,
      bytes(...Array.from({ length: 32 }, (_, i) => vi(i + 1, 1))),
      { code: "required_field_missing", path: ["r33"] },
    ],
  ])("%s", (_name, schema, input, expected) => {
    expectError(schema, input, expected);
  });

  test("the valid side: well-formed input of the same shapes decodes", () => {
    expect(
      decode(TaskIDSchema, bytes(str(1, "é€😀"), tag(15, 3), vi(1, 1), tag(15, 4))).value,
    ).toBe("é€😀");
    expect(decode(ContainerInfoSchema, bytes(vi(1, 1))).type).toBe(1);
    const node = decode(
      NodeSchema,
      bytes(
        vi(1, 1),
        vi(3, 1),
        vi(3, 1000),
        ld(4, [2, 1]),
        tag(5, 0),
        negativeVarint(-5),
        ld(6, bytes(str(1, "k"), vi(2, 2))),
        tag(7, 3),
        vi(1, 4),
        tag(7, 4),
      ),
    );
    expect(node.colors).toEqual([1, 1000]);
    expect(node.packedColors).toEqual([2, 1]);
    expect(node.color).toBe(-5);
    expect(node.byName).toEqual({ k: 2 });
    expect(node.grp?.x).toBe(4);
    expect(
      decode(WideSchema, bytes(...Array.from({ length: 33 }, (_, i) => vi(i + 1, 1)))).r33,
    ).toBe(1);
    expect(decode(NodeSchema, bytes(vi(1, 1), vi(5000, 3))).far).toBe(3);
  });

  test("every truncation point of a real TaskInfo: truncated, or whole top-level fields", () => {
    const full = toBinary(TaskInfoSchema, dockerTask());
    const boundaries = topLevelBoundaries(full);
    let accepted = 0;
    for (let n = 0; n < full.length; n++) {
      const prefix = full.subarray(0, n);
      const result = safeDecode(TaskInfoSchema, prefix);
      if (!boundaries.has(n)) {
        expect(result.success, `prefix of ${n} bytes`).toBe(false);
        if (!result.success) {
          const issue = result.issues[0];
          expect(issue?.code).toBe("truncated");
          expect(issue?.offset).toBeLessThanOrEqual(n);
          expect(issue?.path[0], `prefix of ${n} bytes`).toBe(fieldAt(full, n));
        }
      } else if (n < boundaries.requiredEnd) {
        // A whole-field prefix that lacks some of name, task_id, slave_id.
        expect(!result.success && result.issues[0]?.code).toBe("required_field_missing");
      } else {
        expect(result.success, `prefix of ${n} bytes`).toBe(true);
        accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(2); // after slave_id, after each resource, ...
  });

  test("every wrong wire type of every field of every mesos message", () => {
    let cases = 0;
    for (const desc of file_mesos_mesos.messages.flatMap(allMessages)) {
      for (const field of desc.fields) {
        for (const wt of wrongWireTypes(field)) {
          const input = bytes(tag(field.number, wt), payload(wt, field.number));
          const isList = field.fieldKind === "list";
          expectError(desc, input, {
            code: "wire_type_mismatch",
            path: isList ? [field.name, 0] : [field.name],
            offset: 0,
          });
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(200);
  });

  test("a 200-deep nesting bomb of unknown groups", () => {
    const input = bytes(Array(200).fill(0x7b), Array(200).fill(0x7c)); // field 15, start/end group
    expectError(TaskInfoSchema, input, { code: "max_depth_exceeded", path: [] });
    expectError(TaskInfoSchema, input, { code: "max_depth_exceeded" }, { strict: false });
    // With room for them, the groups are well-formed unknown fields (then name is missing).
    expectError(
      TaskInfoSchema,
      input,
      { code: "required_field_missing", path: ["name"] },
      { maxDepth: 250 },
    );
  });

  test("a 200-deep nesting bomb of known messages", () => {
    let input = bytes(vi(1, 1));
    for (let i = 0; i < 200; i++) input = bytes(vi(1, 1), ld(2, input));
    const error = expectError(NodeSchema, input, { code: "max_depth_exceeded" });
    expect(error.path.length).toBe(100);
    expect(new Set(error.path)).toEqual(new Set(["child"]));
    expectError(NodeSchema, input, { code: "max_depth_exceeded" }, { strict: false });
    expect(decode(NodeSchema, input, { maxDepth: 201 }).child?.child?.id).toBe(1);
    expectError(NodeSchema, input, { code: "max_depth_exceeded" }, { maxDepth: 200 });
  });

  test("input over maxBytes is refused before it is read", () => {
    const full = toBinary(TaskInfoSchema, commandTask());
    expectError(TaskInfoSchema, full, { code: "input_too_large", offset: 10 }, { maxBytes: 10 });
    expect(decode(TaskInfoSchema, full, { maxBytes: full.length }).name).toBe("hello");
    const huge = new Uint8Array(4 * 1024 * 1024 + 1);
    expectError(TaskInfoSchema, huge, { code: "input_too_large" });
  });

  test("not a Uint8Array", () => {
    expectError(TaskInfoSchema, "abc" as unknown as Uint8Array, { code: "invalid_input" });
  });
});

// ---- helpers ---------------------------------------------------------------------------------

function allMessages(desc: DescMessage): DescMessage[] {
  return [desc, ...desc.nestedMessages.flatMap(allMessages)];
}

/** Wire types a field can never arrive with (packed LEN is fine for repeated numerics). */
function wrongWireTypes(field: DescField): number[] {
  const expected = expectedWireType(field);
  const packable = field.fieldKind === "list" && expected !== 2;
  return [0, 1, 2, 3, 5].filter((wt) => wt !== expected && !(packable && wt === 2));
}

function expectedWireType(field: DescField): number {
  if (field.message !== undefined) return field.delimitedEncoding ? 3 : 2;
  if (field.enum !== undefined) return 0;
  switch (field.scalar) {
    case 1: // DOUBLE
    case 6: // FIXED64
    case 16: // SFIXED64
      return 1;
    case 2: // FLOAT
    case 7: // FIXED32
    case 15: // SFIXED32
      return 5;
    case 9: // STRING
    case 12: // BYTES
      return 2;
    default:
      return 0;
  }
}

/** A well-formed value of wire type `wt` (groups closed by their end tag). */
function payload(wt: number, no: number): number[] {
  switch (wt) {
    case 0:
      return [0x01];
    case 1:
      return [0, 0, 0, 0, 0, 0, 0, 0];
    case 2:
      return [0x00];
    case 3:
      return tag(no, 4);
    default:
      return [0, 0, 0, 0];
  }
}

interface Boundaries extends Set<number> {
  requiredEnd: number;
}

/** Offsets where a top-level field of `full` ends (0 included), and where slave_id ends. */
function topLevelBoundaries(full: Uint8Array): Boundaries {
  const set = new Set<number>([0]) as Boundaries;
  const r = new BinaryReader(full);
  set.requiredEnd = Number.POSITIVE_INFINITY;
  while (r.pos < r.len) {
    const [no, wt] = r.tag();
    r.skip(wt, no);
    set.add(r.pos);
    if (no === 3) set.requiredEnd = r.pos;
  }
  return set;
}

/** The name of the top-level TaskInfo field whose bytes contain offset `n`. */
function fieldAt(full: Uint8Array, n: number): string | undefined {
  const r = new BinaryReader(full);
  while (r.pos < r.len) {
    const [no, wt] = r.tag();
    r.skip(wt, no);
    if (r.pos > n) return TaskInfoSchema.fields.find((f) => f.number === no)?.name;
  }
  return undefined;
}
