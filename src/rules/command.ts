// The command a task or executor runs (CommandInfo): shell form needs a value, exec form needs
// an executable unless an image entrypoint can stand in, arguments are dropped in shell form, and
// nothing that reaches exec may hold NUL. Whether `shell: false` without a value is fine depends
// on where the command runs, so the walk passes context flags down from the TaskInfo or
// ExecutorInfo: a Docker task or Docker executor has an image entrypoint to fall back on, a
// plain command task has nothing to run.
import type { Collector } from "./collector.js";
import { checkNoNul } from "./text.js";

/** Context flag: the command runs in a Docker image, whose entrypoint can stand in for `value`. */
export const IMAGE_ENTRYPOINT = 1;

const ARGV = "the command's value and arguments";

/**
 * Check a command. `value` is undefined when unset; `imageEntrypoint` is the context flag;
 * `ownImage` is true when the command names a Docker image itself (the legacy container), whose
 * entrypoint also stands in. Issues land at "value" and "arguments".
 */
export function checkCommand(
  c: Collector,
  shell: boolean,
  value: string | undefined,
  args: readonly string[],
  imageEntrypoint: boolean,
  ownImage: boolean,
): void {
  if (value === "" || value === undefined) {
    const state = value === undefined ? "not set" : "empty";
    if (shell) {
      c.report(
        "shell_command_missing",
        `shell is true (the default) but value is ${state}; Mesos runs /bin/sh -c <value> and rejects this ("Shell specified but no command value provided"): set value to a shell command, or set shell: false${imageEntrypoint ? " to run the image's entrypoint" : " with value set to an executable"}`,
        "value",
      );
    } else if (!imageEntrypoint && !ownImage) {
      c.report(
        "executable_missing",
        `shell is false but value is ${state}, and there is no Docker image whose entrypoint could run instead: set value to the executable to run (arguments are its argv), or run the command in a Docker container`,
        "value",
      );
    }
  } else {
    checkNoNul(c, value, ARGV, "value");
  }
  if (shell && args.length > 0) {
    c.report(
      "arguments_ignored_with_shell",
      `shell is true, so the ${args.length} argument(s) are ignored (Mesos runs only /bin/sh -c <value>): put them into value, or set shell: false to exec value with these arguments`,
      "arguments",
    );
  }
  for (let i = 0; i < args.length; i++) checkNoNul(c, args[i] as string, ARGV, "arguments", i);
}

/** A URI to fetch: `value` (set) must not be empty. */
export function checkUriValue(c: Collector, value: string): void {
  if (value === "") {
    c.report(
      "uri_value_empty",
      "value is empty; the Mesos fetcher fails on an empty URI: set the URL or path to fetch, or remove the entry",
      "value",
    );
  }
}

/**
 * The fast verdict on a command for the rules-only walk (Binding.clean): true only when
 * checkCommand reports nothing whatever the context flags say, i.e. a shell command (`shell` not
 * false) with a non-empty `value` (raw: unset reads "") without NUL, and no arguments.
 */
export function cleanShellCommand(shell: boolean, value: string, argumentCount: number): boolean {
  return shell && argumentCount === 0 && value !== "" && value.indexOf("\0") === -1;
}

// Past this many variables the duplicate check is left to the walk (linear there): the bound of
// both tables' command verdicts (the seed's in mesos.ts, Mesos 1.11's in src/mesos-v1/rules.ts).
export const CLEAN_VARIABLES_MAX = 8;
