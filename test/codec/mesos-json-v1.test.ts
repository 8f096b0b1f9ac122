// Mesos JSON as Mesos 1.11 writes and reads it (stout's protobuf.hpp and jsonify.hpp in
// 3rdparty/stout/include/stout at tag 1.11.0): defaults of unset fields, bare Infinity / NaN
// tokens, 64-bit integers as bare digits, map<string, Message>, a oneof, v0 names (slave_id)
// read as v1 fields (agent_id); and locateJsonPath for the CLI.
import { create } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import {
  DecodeError,
  encode,
  fromMesosJson,
  locateJsonPath,
  toMesosJson,
  toMesosJsonText,
} from "../../src/codec/index.js";
import { AgentTaskSchema, DefaultsSchema, HolderSchema, NodeSchema } from "./test-schema.js";
import { thrown } from "./thrown.js";

const decodeError = (run: () => unknown) => thrown(DecodeError, run);

describe("defaults of unset fields are written, as Mesos writes them", () => {
  test("every declared default except the deprecated field's; set fields as set", () => {
    expect(toMesosJson(DefaultsSchema, create(DefaultsSchema))).toEqual({
      n: 7,
      d: "Infinity",
      c: "GREEN",
      big: "9007199254740993",
    });
    expect(toMesosJsonText(DefaultsSchema, create(DefaultsSchema, { n: 1, s: "x" }))).toBe(
      '{"n":1,"d":Infinity,"c":"GREEN","s":"x","big":9007199254740993}',
    );
    expect(toMesosJson(DefaultsSchema, create(DefaultsSchema), { emitDefaults: false })).toEqual(
      {},
    );
  });

  test("what Mesos writes is read back to the same values", () => {
    const text = toMesosJsonText(DefaultsSchema, create(DefaultsSchema));
    const back = fromMesosJson(DefaultsSchema, text);
    expect([back.n, back.d, back.c, back.big]).toEqual([
      7,
      Number.POSITIVE_INFINITY,
      2,
      2n ** 53n + 1n,
    ]);
  });
});

describe("numbers and bools as Mesos reads them", () => {
  test.each([
    ["bare Infinity", '{"id": 1, "d": Infinity}', Number.POSITIVE_INFINITY],
    ["bare -Infinity", '{"id": 1, "d": -Infinity}', Number.NEGATIVE_INFINITY],
    ["quoted Infinity", '{"id": 1, "d": "Infinity"}', Number.POSITIVE_INFINITY],
    ["a numeric string", '{"id": 1, "d": "2.5"}', 2.5],
    ["-0.0", '{"id": 1, "d": -0.0}', -0],
  ])("a double from %s", (_name, text, value) => {
    expect(Object.is(fromMesosJson(NodeSchema, text).d, value)).toBe(true);
  });

  test("bare NaN for a double; strings for integers and bools", () => {
    expect(fromMesosJson(NodeSchema, '{"id": 1, "d": NaN}').d).toBeNaN();
    const node = fromMesosJson(
      HolderSchema,
      '{"list": [{"id": "42", "u64": 18446744073709551615}]}',
    );
    expect([node.list[0]?.id, node.list[0]?.u64]).toEqual([42, 2n ** 64n - 1n]);
  });

  test.each([
    ["a bare token for an integer", '{"id": Infinity}', "invalid_value", ["id"]],
    ["NaN for a string", '{"id": 1, "text": NaN}', "invalid_value", ["text"]],
    ["a misspelt token", '{"id": 1, "d": Infinit}', "invalid_json", ["d"]],
  ])("%s is refused", (_name, text, code, path) => {
    const error = decodeError(() => fromMesosJson(NodeSchema, text));
    expect([error.code, error.path]).toEqual([code, path]);
  });

  test("int64 and uint64 past 2^53: exact from bare digits and strings, written as bare digits", () => {
    const node = fromMesosJson(
      NodeSchema,
      '{"id": 1, "s64": -9223372036854775808, "u64": "18446744073709551615"}',
    );
    expect([node.s64, node.u64]).toEqual([-(2n ** 63n), 2n ** 64n - 1n]);
    expect(toMesosJsonText(NodeSchema, node)).toBe(
      '{"id":1,"s64":-9223372036854775808,"u64":18446744073709551615}',
    );
  });
});

/** A map key "__proto__" as an own key (a literal would set the prototype instead). */
function withProtoKey<T extends { nodes: Record<string, unknown> }>(h: T): T {
  Object.defineProperty(h.nodes, "__proto__", {
    value: create(NodeSchema, { id: 2 }),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return h;
}

describe("map<string, Message> and oneof", () => {
  const holder = () =>
    withProtoKey(
      create(HolderSchema, {
        nodes: { a: create(NodeSchema, { id: 1 }) },
        blobs: { k: Uint8Array.of(1, 2) },
        choice: { case: "node", value: create(NodeSchema, { id: 3 }) },
      }),
    );

  test("a map of messages is an object of their JSON; a oneof is its member's key", () => {
    const json = toMesosJson(HolderSchema, holder());
    expect(Object.keys(json.nodes as object)).toEqual(["a", "__proto__"]);
    expect((json.nodes as Record<string, unknown>).a).toEqual({ id: 1 });
    expect(json.node).toEqual({ id: 3 });
    expect(json.blobs).toEqual({ k: "AQI=" });
    for (const input of [json, toMesosJsonText(HolderSchema, holder())]) {
      const back = fromMesosJson(HolderSchema, input);
      expect(encode(HolderSchema, back)).toEqual(encode(HolderSchema, holder()));
      expect(Object.getPrototypeOf(back.nodes)).toBe(Object.getPrototypeOf({}));
    }
  });

  test("binary: maps and the oneof round-trip byte for byte", async () => {
    const { decode } = await import("../../src/codec/index.js");
    const bytes = encode(HolderSchema, holder());
    expect(encode(HolderSchema, decode(HolderSchema, bytes))).toEqual(bytes);
  });

  test.each([
    ["two members of one oneof", { raw: "AQ==", node: { id: 1 } }, "duplicate_key", ["node"]],
    ["a map value that is not an object", { nodes: { a: 1 } }, "invalid_value", ["nodes", "a"]],
    [
      "a map value missing a required field",
      { nodes: { a: {} } },
      "required_field_missing",
      ["nodes", "a", "id"],
    ],
    ["a map that is an array", { nodes: [] }, "invalid_value", ["nodes"]],
  ])("%s", (_name, json, code, path) => {
    const error = decodeError(() => fromMesosJson(HolderSchema, json));
    expect([error.code, error.path]).toEqual([code, path]);
  });
});

describe("v0Names: slave_* keys read as agent_* fields", () => {
  test("slave_id and slave_ids are agent_id and agent_ids", () => {
    const task = fromMesosJson(
      AgentTaskSchema,
      { name: "t", slave_id: { id: 1 }, slave_ids: ["a", "b"] },
      { v0Names: true },
    );
    expect([task.agentId?.id, task.agentIds]).toEqual([1, ["a", "b"]]);
  });

  test("without the option they are unknown keys; both spellings at once is duplicate_key", () => {
    expect(decodeError(() => fromMesosJson(AgentTaskSchema, { slave_id: { id: 1 } })).code).toBe(
      "unknown_field",
    );
    const both = decodeError(() =>
      fromMesosJson(
        AgentTaskSchema,
        { agent_id: { id: 1 }, slave_id: { id: 1 } },
        { v0Names: true },
      ),
    );
    expect([both.code, both.path]).toEqual(["duplicate_key", ["agent_id"]]);
  });
});

describe("locateJsonPath", () => {
  const text = '{\n  "id": 1,\n  "children": [\n    {"id": 2},\n    {"id": "x"}\n  ]\n}';

  test.each([
    [[], 0, 1, 1],
    [["id"], 10, 2, 9],
    [["children"], 27, 3, 15],
    [["children", 1], 48, 5, 5],
    [["children", 1, "id"], 55, 5, 12],
    // Missing on the way: the deepest value that exists.
    [["children", 1, "text"], 48, 5, 5],
    [["children", 7, "id"], 27, 3, 15],
  ] as const)("%o", (path, offset, line, column) => {
    expect(locateJsonPath(text, [...path])).toEqual({ offset, line, column });
    // The offset is where the value's text starts.
    const depth = path[1] === 7 ? 1 : path[2] === "text" ? 2 : path.length;
    const first = ["{", path[0] === "id" ? "1" : "[", "{", '"'][depth];
    expect(text[offset]).toBe(first);
  });

  test("undefined when not even the root exists; text before a syntax error is still found", () => {
    expect(locateJsonPath("", ["id"])).toBeUndefined();
    expect(locateJsonPath('{"a": 1, "b": tru', ["a"])).toEqual({ offset: 6, line: 1, column: 7 });
  });

  test("fromMesosJson issues on text carry the offset of their value", () => {
    const error = decodeError(() => fromMesosJson(NodeSchema, text));
    expect([error.code, error.path, error.offset]).toEqual([
      "invalid_value",
      ["children", 1, "id"],
      55,
    ]);
  });
});
