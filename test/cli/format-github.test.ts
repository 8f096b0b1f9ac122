// GitHub workflow-command escaping (docs.github.com "Workflow commands for GitHub Actions"):
// `%`, CR and LF in the message; also `:` and `,` in properties.
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, githubCommand } from "../../src/cli/format-github.js";
import type { FileIssue } from "../../src/cli/report.js";

describe("escapeData / escapeProperty", () => {
  it.each([
    ["plain", "plain", "plain"],
    ["100%", "100%25", "100%25"],
    ["%0A", "%250A", "%250A"],
    ["a\nb", "a%0Ab", "a%0Ab"],
    ["a\r\nb", "a%0D%0Ab", "a%0D%0Ab"],
    ["a:b", "a:b", "a%3Ab"],
    ["a,b", "a,b", "a%2Cb"],
    ["::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"],
  ])("%j → data %j, property %j", (text, data, property) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });
});

describe("githubCommand", () => {
  const issue: FileIssue = {
    code: "image_empty",
    severity: "error",
    path: ["container", "docker", "image"],
    message: "100% empty",
  };

  it.each([
    [
      "t.json",
      { ...issue, line: 3, column: 7 },
      "::error file=t.json,line=3,col=7::container.docker.image: 100%25 empty [image_empty]",
    ],
    [
      "a,b:c.json",
      issue,
      "::error file=a%2Cb%3Ac.json::container.docker.image: 100%25 empty [image_empty]",
    ],
    [
      "-",
      { ...issue, severity: "warning" as const, path: [] },
      "::warning::100%25 empty [image_empty]",
    ],
    [
      "x\ny.json",
      { ...issue, message: "a\nb\u0085" },
      "::error file=x\\ny.json::container.docker.image: a\\nb\\x85 [image_empty]",
    ],
  ])("%s", (file, value, command) => {
    expect(githubCommand(file, value)).toBe(command);
  });
});
