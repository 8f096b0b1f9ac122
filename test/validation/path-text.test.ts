// The path helpers against an independent port of Go's path.Clean (the lexical algorithm Docker
// uses), over an alphabet that makes every corner likely: "/", ".", and two letters.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  cleanPath,
  controlCharIndex,
  hasParentSegment,
  isCleanPath,
  PATH_COLON,
  PATH_CONTROL,
  PATH_NOT_CLEAN,
  PATH_PARENT,
  scanPath,
} from "../../src/rules/path-text.js";

// Go's path.Clean, ported byte for byte (a write index into a buffer, as upstream does).
function goClean(path: string): string {
  if (path === "") return ".";
  const rooted = path[0] === "/";
  const n = path.length;
  const out: string[] = [];
  let w = 0;
  let r = 0;
  let dotdot = 0;
  const append = (ch: string) => {
    out[w++] = ch;
  };
  if (rooted) {
    append("/");
    r = 1;
    dotdot = 1;
  }
  while (r < n) {
    if (path[r] === "/") {
      r++;
    } else if (path[r] === "." && (r + 1 === n || path[r + 1] === "/")) {
      r++;
    } else if (path[r] === "." && path[r + 1] === "." && (r + 2 === n || path[r + 2] === "/")) {
      r += 2;
      if (w > dotdot) {
        w--;
        while (w > dotdot && out[w] !== "/") w--;
      } else if (!rooted) {
        if (w > 0) append("/");
        append(".");
        append(".");
        dotdot = w;
      }
    } else {
      if ((rooted && w !== 1) || (!rooted && w !== 0)) append("/");
      for (; r < n && path[r] !== "/"; r++) append(path[r] as string);
    }
  }
  return w === 0 ? "." : out.slice(0, w).join("");
}

const pathText = fc
  .array(fc.constantFrom("/", "/", ".", "a", "b"), { maxLength: 14 })
  .map((cs) => cs.join(""));

describe("cleanPath", () => {
  test.prop([pathText], { numRuns: 300 })("equals Go's path.Clean", (p) => {
    expect(cleanPath(p)).toBe(goClean(p));
  });

  test.prop([pathText], { numRuns: 300 })("isCleanPath iff the path is its own clean form", (p) => {
    expect(isCleanPath(p)).toBe(goClean(p) === p);
  });

  test.prop([pathText], { numRuns: 300 })(
    "is idempotent, and returns the same string when clean",
    (p) => {
      const once = cleanPath(p);
      expect(cleanPath(once)).toBe(once);
      if (isCleanPath(p)) expect(cleanPath(p)).toBe(p);
    },
  );

  test("fixed points and corners", () => {
    expect(
      ["", ".", "/", "//", "/..", "a/..", "../a", "/a/b/", "/a/./b", "a//b"].map(cleanPath),
    ).toEqual([".", ".", "/", "/", "/", ".", "../a", "/a/b", "/a/b", "a/b"]);
  });
});

describe("scanPath", () => {
  test.prop([pathText], { numRuns: 300 })("PATH_PARENT iff a '..' segment", (p) => {
    fc.pre(p !== "");
    expect((scanPath(p) & PATH_PARENT) !== 0).toBe(hasParentSegment(p));
    expect(hasParentSegment(p)).toBe(p.split("/").includes(".."));
  });

  test.prop([pathText], { numRuns: 300 })(
    "PATH_NOT_CLEAN iff not clean, for paths without '..'",
    (p) => {
      fc.pre(p !== "" && !p.split("/").includes(".."));
      expect((scanPath(p) & PATH_NOT_CLEAN) !== 0).toBe(!isCleanPath(p));
    },
  );

  test.prop([fc.string({ unit: "binary", maxLength: 20 })], { numRuns: 300 })(
    "PATH_CONTROL and PATH_COLON find what indexOf / controlCharIndex find",
    (s) => {
      const p = `/${s}`;
      expect((scanPath(p) & PATH_CONTROL) !== 0).toBe(controlCharIndex(p) !== -1);
      expect((scanPath(p) & PATH_COLON) !== 0).toBe(p.includes(":"));
    },
  );

  test("control characters are Unicode Cc, not just ASCII", () => {
    expect(controlCharIndex("/a\u0085b")).toBe(2);
    expect(controlCharIndex("/a\u00a0b")).toBe(-1);
    expect(controlCharIndex("/a\u007fb")).toBe(2);
  });
});
