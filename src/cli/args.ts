// node:util parseArgs with errors turned into UsageError, plus the option values the commands
// share (--type, --format, --schema values). Nothing here loads the library: `rules` and usage
// errors use it too (--max-bytes, whose default is the codec's, is in max-bytes.ts).
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { SchemaName } from "./schema-set.js";
import { UsageError } from "./usage-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options of every subcommand that reads a message (check, convert). */
export const COMMON_OPTIONS = {
  type: { type: "string", short: "t" },
  schema: { type: "string", short: "s" },
  "max-bytes": { type: "string" },
  "ignore-unknown-fields": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ options: T; allowPositionals: true }>
>;

/**
 * parseArgs for `command`, every mistake a UsageError in our own words. Node's strict mode would
 * throw errors whose only detail is their English text; parsing leniently and checking the tokens
 * needs no reading of that text: an option the command does not know, a string option without
 * its value, a boolean option given one.
 */
export function parseCommandArgs<T extends Options>(
  command: string,
  args: string[],
  options: T,
): Pick<Parsed<T>, "values" | "positionals"> {
  const { values, positionals, tokens } = parseArgs({
    args,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (spec === undefined) {
      throw new UsageError(`Unknown option '${token.rawName}'`, command);
    }
    if (spec.type === "string" && token.value === undefined) {
      throw new UsageError(`Option '${token.rawName}' needs a value`, command);
    }
    if (spec.type === "boolean" && token.value !== undefined) {
      throw new UsageError(`Option '${token.rawName}' takes no value`, command);
    }
  }
  return { values, positionals } as Pick<Parsed<T>, "values" | "positionals">;
}

export function parseFormat(value: string | undefined, flag: string, command: string) {
  if (value === undefined || value === "auto") return undefined;
  if (value === "json" || value === "binary") return value;
  throw new UsageError(`${flag} must be json or binary (got ${JSON.stringify(value)})`, command);
}

/** --schema seed|v1 (or auto, the default: detect per input). */
export function parseSchema(value: string | undefined, command: string): SchemaName | undefined {
  if (value === undefined || value === "auto") return undefined;
  const name = value.toLowerCase();
  if (name === "seed" || name === "mesos") return "seed";
  if (name === "v1" || name === "mesos.v1") return "v1";
  throw new UsageError(`--schema must be seed, v1 or auto (got ${JSON.stringify(value)})`, command);
}
