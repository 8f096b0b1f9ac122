// toMesosJson / toMesosJsonText on messages built in code that nest deeply (a Mesos 1.11
// ContainerID parent chain is the recursive message of the v1 schema): a typed
// max_depth_exceeded at any depth and any maxDepth, never a RangeError.
import { create } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { type ContainerID, ContainerIDSchema } from "../../gen/mesos/v1/mesos_pb.js";
import {
  DEFAULT_MAX_DEPTH,
  decode,
  encode,
  fromMesosJson,
  safeEncode,
  safeToMesosJson,
  toMesosJson,
  toMesosJsonText,
} from "../../src/codec/index.js";
import { EncodeError } from "../../src/problems/index.js";

function chain(depth: number): ContainerID {
  let id = create(ContainerIDSchema, { value: "c0" });
  for (let i = 1; i < depth; i++) id = create(ContainerIDSchema, { value: `c${i}`, parent: id });
  return id;
}

function thrown(run: () => unknown): EncodeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EncodeError);
    return error as EncodeError;
  }
  throw new Error("expected an EncodeError");
}

describe("toMesosJson nesting depth", () => {
  test("exactly maxDepth levels are written, and read back equal", () => {
    const id = chain(DEFAULT_MAX_DEPTH);
    const json = toMesosJson(ContainerIDSchema, id);
    expect(fromMesosJson(ContainerIDSchema, json).value).toBe(id.value);
  });

  test("one level more is max_depth_exceeded at the path where the limit is crossed", () => {
    const e = thrown(() => toMesosJson(ContainerIDSchema, chain(DEFAULT_MAX_DEPTH + 1)));
    expect(e.code).toBe("max_depth_exceeded");
    expect(e.path).toEqual(Array(DEFAULT_MAX_DEPTH).fill("parent"));
  });

  test.each([
    ["toMesosJson", (id: ContainerID) => toMesosJson(ContainerIDSchema, id, { maxDepth: 1e9 })],
    [
      "toMesosJsonText",
      (id: ContainerID) => toMesosJsonText(ContainerIDSchema, id, { maxDepth: 1e9 }),
    ],
  ] as const)("%s with a raised maxDepth past the stack: typed, not a RangeError", (_, write) => {
    const e = thrown(() => write(chain(100_000)));
    expect(e.code).toBe("max_depth_exceeded");
  });

  test("safeToMesosJson returns the issue", () => {
    const r = safeToMesosJson(ContainerIDSchema, chain(100_000));
    expect(r.success).toBe(false);
    expect(r.issues[0]?.code).toBe("max_depth_exceeded");
  });

  test.each([Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY])(
    "maxDepth %s is invalid_option",
    (maxDepth) => {
      const e = thrown(() => toMesosJson(ContainerIDSchema, chain(2), { maxDepth }));
      expect(e.code).toBe("invalid_option");
      expect(e.path).toEqual(["maxDepth"]);
    },
  );
});

describe("encode nesting depth", () => {
  test("a chain deeper than maxDepth still encodes (decode is where the limit applies)", () => {
    const bytes = encode(ContainerIDSchema, chain(2 * DEFAULT_MAX_DEPTH));
    expect(decode(ContainerIDSchema, bytes, { maxDepth: 2 * DEFAULT_MAX_DEPTH }).value).toBe(
      `c${2 * DEFAULT_MAX_DEPTH - 1}`,
    );
  });

  test("a chain past what the writer's stack holds is max_depth_exceeded, never a RangeError", () => {
    const e = thrown(() => encode(ContainerIDSchema, chain(100_000)));
    expect(e.code).toBe("max_depth_exceeded");
    const r = safeEncode(ContainerIDSchema, chain(100_000));
    expect(r.success).toBe(false);
    expect(r.issues[0]?.code).toBe("max_depth_exceeded");
  });
});
