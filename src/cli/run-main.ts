// main(argv, io): the whole `mesos-dockerinfo` command as a function. It reads and writes only
// through `io` and returns the exit code, so it runs in-process (tests, other tools) exactly as
// the bin runs it; the bin (main.ts) is a thin wrapper around it.
import { escapeLine } from "./escape.js";
import { EXIT_FAILURE, EXIT_OK, type ExitCode } from "./exit-codes.js";
import { HELP, MAIN_HELP, PROGRAM } from "./help.js";
import type { CliIo, Io } from "./io.js";
import { UsageError } from "./usage-error.js";

// Each command is loaded when it runs: --help, --version, usage errors and `rules` then answer
// without loading the codec, the validators and the generated schema.
const COMMANDS = {
  check: async (args: string[], io: Io) => {
    const { parseCheckArgs, runCheck } = await import("./check.js");
    return runCheck(parseCheckArgs(args), io);
  },
  convert: async (args: string[], io: Io) => {
    const { parseConvertArgs, runConvert } = await import("./convert.js");
    return runConvert(parseConvertArgs(args), io);
  },
  rules: async (args: string[], io: Io) => {
    const { parseRulesArgs, runRules } = await import("./rules.js");
    return runRules(parseRulesArgs(args), io);
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
  if (first === "-V" || first === "--version") {
    // Loaded here only: it reads package.json through node:fs, which no other command needs.
    const { readVersion } = await import("./version.js");
    return print(io, `${readVersion()}\n`);
  }
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

/**
 * Runs `mesos-dockerinfo <argv...>` (argv without node and the script) and resolves to its exit
 * code: 0 valid, 1 invalid, 2 usage error or unreadable/undecodable input. Usage errors are
 * written to io.stderr; only a bug in this package rejects.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const streams: Io = { ...io, cwd: io.cwd ?? process.cwd(), env: io.env ?? process.env };
  try {
    return await run([...argv], streams);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const helpCommand = error.command ? `${PROGRAM} ${error.command} --help` : `${PROGRAM} --help`;
    // The message can quote arguments and file names: one line, whatever they hold.
    streams.stderr.write(
      `${PROGRAM}: ${escapeLine(error.message)}\nRun '${helpCommand}' for usage.\n`,
    );
    return EXIT_FAILURE;
  }
}
