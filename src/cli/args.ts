// node:util parseArgs with errors turned into UsageError, plus the option values the commands
// share (--type, --max-bytes, --format values).
import type { ParseArgsConfig } from "node:util";
import { DEFAULT_MAX_BYTES } from "../codec/index.js";
import type { InputFormat } from "./read-input.js";
import { UsageError } from "./usage-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every subcommand accepts. */
export const COMMON_OPTIONS = {
  type: { type: "string", short: "t" },
  "max-bytes": { type: "string" },
  "ignore-unknown-fields": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/**
 * Runs a parseArgs call (strict, as every command uses it) and turns its errors ("Unknown option
 * '--x'", "Option '--type' argument missing") into usage errors for `command`.
 */
export function withUsageErrors<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node appends advice about "--" for positionals that look like options; keep the first
    // sentence, main.ts points to --help.
    throw new UsageError(message.split(". To specify a positional")[0] ?? message, command);
  }
}

export function parseFormat(
  value: string | undefined,
  flag: string,
  command: string,
): InputFormat | undefined {
  if (value === undefined || value === "auto") return undefined;
  if (value === "json" || value === "binary") return value;
  throw new UsageError(`${flag} must be json or binary (got ${JSON.stringify(value)})`, command);
}

export function parseMaxBytes(value: string | undefined, command: string): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  const match = /^(\d+)(k|ki|kib|m|mi|mib)?$/i.exec(value.trim());
  const digits = match?.[1];
  if (digits === undefined) {
    throw new UsageError(
      `--max-bytes must be a positive number of bytes, optionally with KiB or MiB (got ${JSON.stringify(value)})`,
      command,
    );
  }
  const unit = (match?.[2] ?? "").toLowerCase();
  const scale = unit.startsWith("k") ? 1024 : unit.startsWith("m") ? 1024 * 1024 : 1;
  const bytes = Number(digits) * scale;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new UsageError(`--max-bytes must be between 1 and 2^53 (got ${value})`, command);
  }
  return bytes;
}
