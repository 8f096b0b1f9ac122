// The shortcuts the rules take on the valid path must not change a verdict: short sets are
// compared pairwise in place (longer ones through SeenKeys), duplicate mount points reuse
// the clean form checkVolume found for the same volume, and IDs, volumes and lists of mount
// points that passed a moment ago pass again from a verdict cache. Each is held against a plain
// reference written from the rule's definition, over sequences of calls (the caches live
// between them).
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  Collector,
  checkDuplicateMounts,
  checkId,
  checkSetItems,
  checkVolume,
  cleanPath,
  SeenKeys,
  type VolumeFields,
} from "../../src/rules/index.js";

const SEED: VolumeFields = {
  containerPath: "container_dir",
  hostPath: "host_dir",
  mode: "mode",
  sandboxRelative: false,
};

// For every item, the index of the first earlier item equal to it (or -1).
function firstEarlier(keys: readonly (string | undefined)[]): number[] {
  return keys.map((k, i) => (k === undefined ? -1 : keys.slice(0, i).indexOf(k)));
}

// The [index, earlier] pairs a list of issues names (paths end in the index; messages name the earlier).
function reported(c: Collector): [number, number][] {
  return c.issues.map((issue) => {
    const index = issue.path.find((k) => typeof k === "number") as number;
    const earlier = Number(/\[(\d+)\]/.exec(issue.message)?.[1]);
    return [index, earlier];
  });
}

function expected(keys: readonly (string | undefined)[]): [number, number][] {
  return firstEarlier(keys)
    .map((earlier, i): [number, number] => [i, earlier])
    .filter(([, earlier]) => earlier >= 0);
}

describe("checkSetItems", () => {
  // Lengths on both sides of the pairwise limit, few distinct items so duplicates are common.
  test.prop([
    fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i"), { maxLength: 24 }),
  ])("reports each repeat at the first earlier equal item, short list or long", (items) => {
    const c = new Collector();
    checkSetItems(c, items, "item", new SeenKeys());
    expect(c.issues.every((i) => i.code === "set_item_duplicate")).toBe(true);
    expect(reported(c)).toEqual(expected(items));
  });
});

describe("checkDuplicateMounts after checkVolume", () => {
  const segment = fc.constantFrom("a", "b", ".", "..", "");
  const path = fc
    .array(segment, { minLength: 1, maxLength: 4 })
    .map((s) => s.join("/"))
    .chain((p) => fc.constantFrom(p, `/${p}`));
  // Volumes checked one by one (as the walk does, at volume[i]) before their list, or not at all:
  // the verdict on duplicates is the same, and equals a comparison of cleanPath forms.
  test.prop([fc.array(fc.option(path, { nil: undefined }), { maxLength: 20 }), fc.boolean()])(
    "reports the same duplicates whether or not the volumes were checked first",
    (dirs, checkedFirst) => {
      const c = new Collector();
      c.path.push("volume", 0);
      if (checkedFirst) {
        dirs.forEach((dir, i) => {
          c.path[1] = i;
          checkVolume(c, { containerPath: dir, hostPath: "/h", mode: "rw" }, SEED);
        });
      }
      c.path.length = 0;
      const before = c.issues.length;
      checkDuplicateMounts(c, dirs, (d) => d, "volume", SEED, new SeenKeys());
      const dupes = new Collector();
      dupes.issues.push(...c.issues.slice(before));
      expect(dupes.issues.every((i) => i.code === "duplicate_container_dir")).toBe(true);
      const keys = dirs.map((d) => (d === undefined || d === "" ? undefined : cleanPath(d)));
      expect(reported(dupes)).toEqual(expected(keys));
    },
  );

  test("a slot left by another list with the same path text only ever hits with its clean form", () => {
    // Another list's volume[2] left "/data/" -> "/data" in slot 2.
    const c = new Collector();
    c.path.push("volume", 2);
    checkVolume(c, { containerPath: "/data/", hostPath: "/h", mode: "rw" }, SEED);
    c.path.length = 0;
    const other = new Collector();
    checkDuplicateMounts(
      other,
      ["/x", "/data", "/data/"],
      (d) => d,
      "volume",
      SEED,
      new SeenKeys(),
    );
    expect(other.issues.map((i) => i.path)).toEqual([["volume", 2, "container_dir"]]);
    expect(other.issues[0]?.message).toContain("once cleaned");
  });
});

const V1: VolumeFields = {
  containerPath: "container_path",
  hostPath: "host_path",
  mode: "mode",
  sandboxRelative: true,
};

describe("verdict caches", () => {
  // The codes Mesos's ID rules give, from their definition (Mesos 1.11.0 src/common/validation.cpp).
  function idCodes(id: string): string[] {
    if (id === "") return ["id_empty"];
    const codes: string[] = [];
    if (new TextEncoder().encode(id).length > 255) codes.push("id_too_long");
    if (id === "." || id === "..") return [...codes, "id_reserved"];
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what Mesos refuses
    if (/[\x00-\x1f\x7f/\\]/.test(id)) codes.push("id_invalid_characters");
    return codes;
  }

  // Few characters, so that IDs repeat and share lengths (the cache's slots); some are invalid.
  const id = fc.oneof(
    fc.string({ unit: fc.constantFrom("a", "b", "-", "/", "\u0001", "."), maxLength: 12 }),
    fc.constantFrom(".", "..", "x".repeat(256), "agent-1", "agent-1"),
  );

  test.prop([fc.array(id, { maxLength: 30 })])(
    "checkId gives every ID in a sequence the codes of its definition",
    (ids) => {
      for (const value of ids) {
        const c = new Collector();
        checkId(c, value, "mesos.TaskID");
        expect(c.issues.map((i) => i.code)).toEqual(idCodes(value));
      }
    },
  );

  const path = fc.constantFrom(undefined, "", "/data", "/data/", "data", "/", "/a:b", "/x/../y");
  const view = fc.record({
    containerPath: path,
    hostPath: path,
    mode: fc.constantFrom("rw" as const, "ro" as const, undefined),
  });

  // A volume validated on its own (its path does not end in an index) never uses the cache: the
  // reference for the same volume met at volume[i] of a list, after any other volumes.
  test.prop([fc.array(fc.tuple(view, fc.nat({ max: 40 }), fc.boolean()), { maxLength: 30 })])(
    "checkVolume at volume[i] gives the issues of the same volume checked on its own",
    (steps) => {
      for (const [v, index, v1] of steps) {
        const fields = v1 ? V1 : SEED;
        const inList = new Collector();
        inList.path.push("volume", index);
        checkVolume(inList, { ...v }, fields);
        const alone = new Collector();
        alone.path.push("volume");
        checkVolume(alone, { ...v }, fields);
        expect(inList.issues.map((i) => [i.code, i.message, i.path.slice(2)])).toEqual(
          alone.issues.map((i) => [i.code, i.message, i.path.slice(1)]),
        );
      }
    },
  );

  const dir = fc.constantFrom(undefined, "", "/a", "/a/", "/b", "b", "/c");
  test.prop([fc.array(fc.tuple(fc.array(dir, { maxLength: 5 }), fc.boolean()), { maxLength: 20 })])(
    "checkDuplicateMounts gives every list in a sequence the duplicates of cleanPath",
    (lists) => {
      for (const [dirs, v1] of lists) {
        const c = new Collector();
        checkDuplicateMounts(c, dirs, (d) => d, "volume", v1 ? V1 : SEED, new SeenKeys());
        const keys = dirs.map((d) => (d === undefined || d === "" ? undefined : cleanPath(d)));
        expect(reported(c)).toEqual(expected(keys));
      }
    },
  );
});
