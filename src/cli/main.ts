#!/usr/bin/env node
// The `mesos-dockerinfo` command: dispatch to a subcommand, turn usage errors into exit code 2.
import { EXIT_FAILURE, EXIT_OK, type ExitCode } from "./exit-codes.js";
import { HELP, MAIN_HELP, PROGRAM } from "./help.js";
import type { Io } from "./io.js";
import { UsageError } from "./usage-error.js";
import { readVersion } from "./version.js";

// Commands are loaded on use: --help, --version and usage errors then answer without loading the
// codec, the validators and the generated schema.
const COMMANDS = {
  check: async (args: string[], io: Io) => {
    const { parseCheckArgs, runCheck } = await import("./check.js");
    return runCheck(parseCheckArgs(args), io);
  },
  convert: async (args: string[], io: Io) => {
    const { parseConvertArgs, runConvert } = await import("./convert.js");
    return runConvert(parseConvertArgs(args), io);
  },
} as const;

function isCommand(name: string): name is keyof typeof COMMANDS {
  return Object.hasOwn(COMMANDS, name);
}

/** -h/--help anywhere before a "--" wins over every other argument, even invalid ones. */
function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === "-h" || arg === "--help");
}

async function run(args: string[], io: Io): Promise<ExitCode> {
  const [first, ...rest] = args;
  if (first === undefined) throw new UsageError("missing command");
  if (first === "-h" || first === "--help") return print(io, MAIN_HELP);
  if (first === "-V" || first === "--version") return print(io, `${readVersion()}\n`);
  if (first === "help") {
    const topic = rest[0];
    if (topic === undefined) return print(io, MAIN_HELP);
    if (!isCommand(topic)) throw new UsageError(`no help for unknown command '${topic}'`);
    return print(io, HELP[topic] ?? MAIN_HELP);
  }
  if (!isCommand(first)) {
    throw new UsageError(
      first.startsWith("-")
        ? `unknown option '${first}' (options go after the command)`
        : `unknown command '${first}'`,
    );
  }
  if (wantsHelp(rest)) return print(io, HELP[first] ?? MAIN_HELP);
  return COMMANDS[first](rest, io);
}

function print(io: Io, text: string): ExitCode {
  io.stdout.write(text);
  return EXIT_OK;
}

async function main(args: string[], io: Io): Promise<ExitCode> {
  try {
    return await run(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const helpCommand = error.command ? `${PROGRAM} ${error.command} --help` : `${PROGRAM} --help`;
    io.stderr.write(`${PROGRAM}: ${error.message}\nRun '${helpCommand}' for usage.\n`);
    return EXIT_FAILURE;
  }
}

// A closed pipe (`... | head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? EXIT_OK);
});

try {
  process.exitCode = await main(process.argv.slice(2), process);
} catch (error) {
  // Only a bug in this package gets here: bad input is always a typed error above.
  process.stderr.write(
    `${PROGRAM}: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = EXIT_FAILURE;
}
