import { describe, expect, it } from "vitest";
import { formatPath } from "../../src/cli/format-text.js";
import { plural } from "../../src/problems/index.js";

describe("formatPath", () => {
  it.each([
    [[], "(root)"],
    [["name"], "name"],
    [["container", "docker", "volume", 0, "host_dir"], "container.docker.volume[0].host_dir"],
    [["resources", 2, "ranges", "range", 0], "resources[2].ranges.range[0]"],
  ])("%j → %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
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
