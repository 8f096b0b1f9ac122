// Colour decision and styling (unit level: a real terminal cannot be spawned portably; the
// spawned CLI's non-TTY output is covered in check.test.ts).
import { describe, expect, it } from "vitest";
import { type ColorChoice, createStyle, shouldColor, styleFor } from "../../src/cli/style.js";

const ESC = "\u001b[";

describe("shouldColor", () => {
  const cases: [string, boolean, Record<string, string>, ColorChoice, boolean][] = [
    ["terminal", true, {}, "auto", true],
    ["pipe", false, {}, "auto", false],
    ["NO_COLOR on a terminal", true, { NO_COLOR: "1" }, "auto", false],
    ["empty NO_COLOR is ignored (no-color.org)", true, { NO_COLOR: "" }, "auto", true],
    ["FORCE_COLOR on a pipe", false, { FORCE_COLOR: "1" }, "auto", true],
    ["empty FORCE_COLOR forces colour, as in Node", false, { FORCE_COLOR: "" }, "auto", true],
    ["FORCE_COLOR=0 on a terminal", true, { FORCE_COLOR: "0" }, "auto", false],
    ["FORCE_COLOR=false on a terminal", true, { FORCE_COLOR: "false" }, "auto", false],
    ["FORCE_COLOR wins over NO_COLOR", false, { FORCE_COLOR: "1", NO_COLOR: "1" }, "auto", true],
    ["TERM=dumb terminal", true, { TERM: "dumb" }, "auto", false],
    ["--color on a pipe", false, { NO_COLOR: "1" }, "always", true],
    ["--no-color on a terminal", true, { FORCE_COLOR: "1" }, "never", false],
  ];
  it.each(cases)("%s", (_name, isTTY, env, choice, expected) => {
    expect(shouldColor({ isTTY }, env, choice)).toBe(expected);
  });
});

describe("createStyle / styleFor", () => {
  it("writes ANSI codes only when colour is on", () => {
    expect(createStyle(true, false).paint("red", "x")).toContain(`${ESC}31m`);
    expect(createStyle(false, false).paint("red", "x")).toBe("x");
  });

  it("colours even when stdout is not a terminal, once colour was decided", () => {
    // util.styleText checks process.stdout by default; the style must not depend on that.
    expect(createStyle(true, false).paint(["bold", "green"], "ok")).toContain(ESC);
  });

  it("uses symbols on a terminal regardless of NO_COLOR, never on a pipe", () => {
    expect(styleFor({ isTTY: true }, { NO_COLOR: "1" }, "auto")).toMatchObject({
      color: false,
      symbols: true,
    });
    expect(styleFor({ isTTY: false }, { FORCE_COLOR: "1" }, "auto")).toMatchObject({
      color: true,
      symbols: false,
    });
  });
});
