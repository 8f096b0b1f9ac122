import { describe, expect, it } from "vitest";
import { formatLocation, plural } from "../../src/problems/index.js";

describe("formatLocation (the paths the CLI prints)", () => {
  it.each([
    [[], "(root)"],
    [["name"], "name"],
    [["container", "docker", "volume", 0, "host_dir"], "container.docker.volume[0].host_dir"],
    [["resources", 2, "ranges", "range", 0], "resources[2].ranges.range[0]"],
  ])("%j → %s", (path, text) => {
    expect(formatLocation(path)).toBe(text);
  });
});

describe("plural", () => {
  it("adds an s except for one", () => {
    expect([plural(0, "error"), plural(1, "error"), plural(2, "warning")]).toEqual([
      "0 errors",
      "1 error",
      "2 warnings",
    ]);
  });
});
