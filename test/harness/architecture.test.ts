// The house rules of issue 11, item 3, held by a test rather than by review: src/ is a set of
// folders (schema, problems, rules, validation, codec, launch, ...) that import one another only
// through each folder's index.ts, and the graph between the folders has no cycle. The root
// src/index.ts lists the public API by name; its only `export *` re-exports generated schema code.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

interface Import {
  readonly file: string; // relative to src/, e.g. "launch/launch.ts"
  readonly line: number;
  readonly target: string; // relative to src/, e.g. "codec/index.js"; "../gen/..." outside src/
}

/** Every relative import, export-from and dynamic import() of every .ts file under src/. */
function importsOf(): Import[] {
  const found: Import[] = [];
  const pattern =
    /(?:\bimport|\bexport)\s[^;"'`]*?\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  for (const name of readdirSync(SRC, { recursive: true, encoding: "utf8" })) {
    if (!name.endsWith(".ts")) continue;
    const text = readFileSync(join(SRC, name), "utf8");
    for (const match of text.matchAll(pattern)) {
      const spec = match[1] ?? match[2] ?? match[3] ?? "";
      if (!spec.startsWith(".")) continue;
      const line = text.slice(0, match.index).split("\n").length;
      found.push({ file: name, line, target: relative(SRC, resolve(SRC, dirname(name), spec)) });
    }
  }
  return found;
}

/** The top-level folder of a src-relative path; files directly in src/ belong to "(root)". */
function folderOf(path: string): string {
  const parts = path.split("/");
  return parts.length > 1 ? (parts[0] as string) : "(root)";
}

const imports = importsOf();
const crossing = imports.filter(
  (i) => !i.target.startsWith("..") && folderOf(i.file) !== folderOf(i.target),
);

// Sub-folders other folders may enter through their own index.ts: the Mesos 1.11 generated codecs
// are loaded apart from the rest of src/mesos-v1 so that the CLI can leave them out (start-up).
const SUB_ENTRIES = ["mesos-v1/codecs/index.js"];

describe("src/ folders", () => {
  it("finds the imports it judges (the scan itself works)", () => {
    expect(imports.length).toBeGreaterThan(300);
    expect(crossing.some((i) => i.file === "launch/launch.ts")).toBe(true);
  });

  it("enter one another only through index.ts", () => {
    const intoInternals = crossing
      .filter((i) => !/^[^/]+\/index\.js$/.test(i.target) && !SUB_ENTRIES.includes(i.target))
      .map((i) => `src/${i.file}:${i.line} imports src/${i.target}`);
    expect(intoInternals).toEqual([]);
  });

  it("form a DAG (no folder imports, directly or through others, a folder that imports it)", () => {
    const graph = new Map<string, Set<string>>();
    for (const i of crossing) {
      const edges = graph.get(folderOf(i.file)) ?? new Set<string>();
      edges.add(folderOf(i.target));
      graph.set(folderOf(i.file), edges);
    }
    const cycles: string[] = [];
    const done = new Set<string>();
    const visit = (folder: string, trail: string[]): void => {
      const seen = trail.indexOf(folder);
      if (seen >= 0) {
        cycles.push([...trail.slice(seen), folder].join(" -> "));
        return;
      }
      if (done.has(folder)) return;
      for (const next of graph.get(folder) ?? []) visit(next, [...trail, folder]);
      done.add(folder);
    };
    for (const folder of graph.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
    // The layering the README describes: the vocabulary and schema at the bottom, the CLI on top.
    expect(graph.get("problems") ?? new Set()).toEqual(new Set());
    expect(graph.get("cli")?.has("validation")).toBe(true);
  });

  it("leave generated code to the schema folders: only gen/ is reached outside src/", () => {
    const outside = imports
      .filter((i) => i.target.startsWith("..") && !i.target.startsWith("../gen/"))
      .map((i) => `src/${i.file}:${i.line} imports ${i.target}`);
    expect(outside).toEqual([]);
  });

  it("list the public API by name at the root: `export *` only re-exports generated schemas", () => {
    const root = readFileSync(join(SRC, "index.ts"), "utf8");
    const stars = [...root.matchAll(/export \*\s+from\s+["']([^"']+)["']/g)].map((m) => m[1]);
    expect(stars.length).toBeGreaterThan(0);
    expect(stars.filter((spec) => !spec?.startsWith("../gen/"))).toEqual([]);
  });
});
