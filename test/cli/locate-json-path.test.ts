// The position of the value at a path in JSON text (the CLI's temporary locateJsonPath; the same
// table holds for the codec's when it replaces it), and line/column counting.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { lineAndColumn } from "../../src/cli/line-column.js";
import { locateJsonPath } from "../../src/cli/locate-json-path.js";

const TEXT = `{
  "task_id": { "value": "t" },
  "note": "a \\"}]\\" b",
  "container": {
    "docker": {
      "volume": [
        { "container_dir": "/a" },
        {"containerDir": "/b", "mode": "RO"}
      ]
    }
  },
  "resources": { "name": "cpus" },
  "empty": []
}`;

/** The offset where `needle` starts, the n-th time it occurs. */
function at(needle: string, nth = 0): number {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = TEXT.indexOf(needle, offset + 1);
  return offset;
}

describe("locateJsonPath", () => {
  it.each<[string, (string | number)[], number]>([
    ["the root", [], 0],
    ["a key", ["task_id"], at('{ "value"')],
    ["a nested key", ["task_id", "value"], at('"t"')],
    ["a string with quotes and brackets inside", ["note"], at('"a \\"')],
    ["past that string", ["container"], at('{\n    "docker"')],
    ["an array element", ["container", "docker", "volume", 1], at('{"containerDir"')],
    [
      "a snake_case path to a camelCase key",
      ["container", "docker", "volume", 1, "container_dir"],
      at('"/b"'),
    ],
    ["a later key of an element", ["container", "docker", "volume", 1, "mode"], at('"RO"')],
    [
      "index 0 of a single value (stout's one-element list)",
      ["resources", 0, "name"],
      at('"cpus"'),
    ],
  ])("%s", (_name, path, offset) => {
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(locateJsonPath(TEXT, path)?.offset).toBe(offset);
  });

  it.each<[string, (string | number)[]]>([
    ["a missing key", ["slave_id"]],
    ["a key under a string", ["note", "x"]],
    ["an index past the end", ["container", "docker", "volume", 2]],
    ["an index into an empty array", ["empty", 0]],
    ["index 1 of a single value", ["resources", 1]],
    ["a key of an array", ["empty", "x"]],
  ])("undefined for %s", (_name, path) => {
    expect(locateJsonPath(TEXT, path)).toBeUndefined();
  });

  it("does not recurse: 100,000 levels of nesting are skipped in a loop", () => {
    const deep = `{"a": ${"[".repeat(100_000)}${"]".repeat(100_000)}, "b": 1}`;
    expect(locateJsonPath(deep, ["b"])?.offset).toBe(deep.lastIndexOf("1"));
  });
});

describe("lineAndColumn", () => {
  it.each([
    [0, 1, 1],
    [1, 1, 2],
    [2, 2, 1],
    [4, 2, 3],
    [6, 3, 1],
  ])("offset %i is line %i, column %i of 'a\\nbcd\\ne'", (offset, line, column) => {
    expect(lineAndColumn("a\nbcd\ne", offset)).toEqual({ offset, line, column });
  });

  test.prop([fc.string({ unit: fc.constantFrom("a", "\n", "é", "\r") }), fc.nat()])(
    "agrees with counting the newlines before the offset",
    (text, n) => {
      const offset = text.length === 0 ? 0 : n % (text.length + 1);
      const before = text.slice(0, offset).split("\n");
      expect(lineAndColumn(text, offset)).toEqual({
        offset,
        line: before.length,
        column: (before[before.length - 1] as string).length + 1,
      });
    },
  );
});
