// Two ways to run the command line: runMain calls main(argv, io) in-process with in-memory
// streams (what almost every test uses: no process start-up), runCli spawns the BUILT bin as a
// user runs it (kept for the few tests about the bin itself). The CLI path for runCli comes from
// MESOS_DOCKERINFO_CLI (relative to the repo root, or absolute), default dist/src/cli/main.js,
// which `npm test` builds before vitest runs.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/index.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI = resolve(ROOT, process.env.MESOS_DOCKERINFO_CLI ?? "dist/src/cli/main.js");

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
}

export interface CliOptions {
  /** Bytes or text for stdin (stdin is empty otherwise). */
  readonly input?: string | Uint8Array;
  /** Variables added to a clean environment (colour variables of the test runner removed). */
  readonly env?: Record<string, string>;
  readonly cwd?: string;
  /** In-process only: whether stdout claims to be a terminal. */
  readonly stdoutIsTTY?: boolean;
}

// The test runner may set these; each test states the colour environment it wants.
const COLOR_VARIABLES = new Set(["NO_COLOR", "FORCE_COLOR", "TERM", "NODE_DISABLE_COLORS"]);

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!COLOR_VARIABLES.has(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/** An output stream that keeps what is written. */
class Sink {
  readonly chunks: Buffer[] = [];
  constructor(readonly isTTY: boolean) {}
  write(chunk: string | Uint8Array): boolean {
    this.chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
    return true;
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** main(args, io) in-process, with stdin from `input` and stdout/stderr collected. */
export async function runMain(
  args: readonly string[],
  options: CliOptions = {},
): Promise<CliResult> {
  const stdout = new Sink(options.stdoutIsTTY ?? false);
  const stderr = new Sink(false);
  const input = options.input ?? "";
  const status = await main(args, {
    stdin: Readable.from([typeof input === "string" ? Buffer.from(input, "utf8") : input]),
    stdout,
    stderr,
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env ?? {}),
  });
  const stdoutBytes = stdout.bytes();
  return {
    status,
    stdout: stdoutBytes.toString("utf8"),
    stdoutBytes,
    stderr: stderr.bytes().toString("utf8"),
  };
}

/**
 * Spawns the built CLI and collects its output. Asynchronous, so that tests in a
 * `describe.concurrent` block overlap their process start-up (most of each test's time).
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  if (!existsSync(CLI)) {
    return Promise.reject(
      new Error(
        `no built CLI at ${CLI}: run \`npm run build\`, or build elsewhere and set MESOS_DOCKERINFO_CLI`,
      ),
    );
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: cleanEnv(options.env ?? {}),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      const stdoutBytes = Buffer.concat(stdout);
      resolvePromise({
        status,
        stdout: stdoutBytes.toString("utf8"),
        stdoutBytes,
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
    // The CLI may exit before reading stdin (usage errors): ignore the broken pipe.
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
  });
}

/** ESC, the start of every ANSI colour sequence. */
export const ANSI = "\u001b[";
