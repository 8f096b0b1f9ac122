// --help, --version and usage errors (exit 2), in-process through main(argv, io); and the bin
// itself, spawned: the only tests that start a process.
import { readFileSync } from "node:fs";
import { describe, it } from "vitest";
import { CLI, ROOT, runCli, runMain } from "./run-cli.js";

const VERSION = JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8")).version as string;

describe.concurrent("the bin, spawned", () => {
  it("has a node shebang and prints exactly what main() prints, with its exit code", async ({
    expect,
  }) => {
    expect(readFileSync(CLI, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const args = ["check", "examples/docker-task.json", "examples/invalid/invalid-volumes.json"];
    const [spawned, inProcess] = await Promise.all([runCli(args), runMain(args)]);
    expect(spawned.status).toBe(1);
    expect(spawned.status).toBe(inProcess.status);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(spawned.stderr).toBe(inProcess.stderr);
  });

  it("turns a usage error into exit code 2 and stdin '-' into the process's stdin", async ({
    expect,
  }) => {
    const [usage, stdin] = await Promise.all([
      runCli(["frobnicate"]),
      runCli(["check", "-"], { input: readFileSync(`${ROOT}/examples/command-task.json`) }),
    ]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^mesos-dockerinfo: unknown command 'frobnicate'$/m);
    expect(stdin.status).toBe(0);
    expect(stdin.stdout).toMatch(/^<stdin> \(TaskInfo, mesos\): valid$/m);
  });
});

describe.concurrent("help and version", () => {
  it.for<[string]>([["--help"], ["-h"], ["help"]])(
    "%s prints the command overview, exit 0",
    async ([flag], { expect }) => {
      const r = await runMain([flag]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/^Usage: mesos-dockerinfo <command>/);
      expect(r.stdout).toMatch(/^ {2}check FILE\.\.\./m);
      expect(r.stdout).toMatch(/^ {2}convert /m);
      expect(r.stdout).toMatch(/^ {2}2 {2}usage error/m);
    },
  );

  it.for<[string[], RegExp]>([
    [["check", "--help"], /^Usage: mesos-dockerinfo check \[options\] FILE\.\.\./],
    [["check", "-h", "--no-such-flag"], /^Usage: mesos-dockerinfo check/],
    [["help", "check"], /^Usage: mesos-dockerinfo check/],
    [["convert", "--help"], /^Usage: mesos-dockerinfo convert /],
    [["help", "convert"], /^Usage: mesos-dockerinfo convert /],
    [["rules", "--help"], /^Usage: mesos-dockerinfo rules /],
    [["help", "rules"], /^Usage: mesos-dockerinfo rules /],
  ])("%j prints the subcommand's help, exit 0", async ([args, usage], { expect }) => {
    const r = await runMain(args);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(usage);
    expect(r.stdout).toContain("Exit codes:");
  });

  it.for<[string]>([["--version"], ["-V"]])(
    "%s prints the package.json version",
    async ([flag], { expect }) => {
      const r = await runMain([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${VERSION}\n`);
    },
  );
});

describe.concurrent("usage errors: exit 2 and a pointer to --help on stderr", () => {
  it.for<[string[], RegExp, string]>([
    [[], /missing command/, "mesos-dockerinfo --help"],
    [["frobnicate"], /unknown command 'frobnicate'/, "mesos-dockerinfo --help"],
    [
      ["--json"],
      /unknown option '--json' \(options go after the command\)/,
      "mesos-dockerinfo --help",
    ],
    [["help", "frobnicate"], /no help for unknown command 'frobnicate'/, "mesos-dockerinfo --help"],
    [["check"], /check needs at least one FILE/, "mesos-dockerinfo check --help"],
    [["check", "--frob", "x.json"], /Unknown option '--frob'/, "mesos-dockerinfo check --help"],
    [["check", "--type"], /--type/, "mesos-dockerinfo check --help"],
    [["check", "--reporter"], /Option '--reporter' needs a value/, "mesos-dockerinfo check --help"],
    [
      ["check", "--json=yes", "x.json"],
      /Option '--json' takes no value/,
      "mesos-dockerinfo check --help",
    ],
    [["check", "-z", "x.json"], /Unknown option '-z'/, "mesos-dockerinfo check --help"],
    [["rules", "--frob"], /Unknown option '--frob'/, "mesos-dockerinfo rules --help"],
    [
      ["convert", "--compact=no"],
      /Option '--compact' takes no value/,
      "mesos-dockerinfo convert --help",
    ],
    [
      ["check", "--type", "Nope", "x.json"],
      /unknown --type "Nope"/,
      "mesos-dockerinfo check --help",
    ],
    [
      ["check", "--format", "xml", "x.json"],
      /--format must be json or binary/,
      "mesos-dockerinfo check --help",
    ],
    [["check", "--max-bytes", "-1", "x.json"], /--max-bytes/, "mesos-dockerinfo check --help"],
    [
      ["check", "--max-bytes", "lots", "x.json"],
      /--max-bytes must be/,
      "mesos-dockerinfo check --help",
    ],
    [["check", "-", "-"], /'-' \(stdin\) can be given only once/, "mesos-dockerinfo check --help"],
    [
      ["convert", "--from", "xml"],
      /--from must be json or binary/,
      "mesos-dockerinfo convert --help",
    ],
  ])("%j", async ([args, message, helpCommand], { expect }) => {
    const r = await runMain(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^mesos-dockerinfo: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(`Run '${helpCommand}' for usage.`);
  });

  it("a file literally named like a flag can follow --", async ({ expect }) => {
    const r = await runMain(["check", "--", "--help"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --help: file_not_found/m);
  });
});
