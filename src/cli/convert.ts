// `mesos-dockerinfo convert [IN] [OUT]`: strict decode, then encode, between Mesos-style JSON and
// binary protobuf. It does not validate (no Mesos or Docker rule is checked; `check` does that),
// and says so on stderr. Output is produced in memory and written only when everything
// succeeded, so a failed conversion never leaves a truncated OUT file behind.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { encode, toMesosJson } from "../codec/index.js";
import { errorIssue } from "../problems/index.js";
import { COMMON_OPTIONS, parseCommandArgs, parseFormat, parseSchema } from "./args.js";
import { chooseSchema } from "./choose-schema.js";
import { EXIT_FAILURE, EXIT_INVALID, EXIT_OK, type ExitCode } from "./exit-codes.js";
import { formatFileError } from "./format-text.js";
import type { Io } from "./io.js";
import { convertSchema, type ParseOptions, parseMessage } from "./library.js";
import { failureIssues, locateIssues } from "./locate.js";
import { parseMaxBytes } from "./max-bytes.js";
import { displayName, requestType } from "./message-types.js";
import { assertRegularFiles, formatOf, type InputFormat, readInput, STDIO } from "./read-input.js";
import type { FileIssue } from "./report.js";
import type { SchemaName } from "./schema-set.js";
import { styleFor } from "./style.js";
import { UsageError } from "./usage-error.js";

const COMMAND = "convert";

/** The stderr line of every successful conversion: converting is not checking. */
export const NOT_VALIDATED =
  "note: convert does not validate (no Mesos or Docker rule was checked); run 'mesos-dockerinfo check' for that\n";

const OPTIONS = {
  ...COMMON_OPTIONS,
  from: { type: "string" },
  to: { type: "string", multiple: true },
  compact: { type: "boolean" },
  "emit-defaults": { type: "boolean" },
} as const;

export interface ConvertCommand extends ParseOptions {
  readonly input: string;
  readonly output: string;
  readonly from: InputFormat;
  readonly to: InputFormat;
  /** --to seed|v1: convert the message to that schema (toMesosV1 / fromMesosV1) first. */
  readonly toSchema: SchemaName | undefined;
  /** --type: the message type's name, looked up in the schema the input is read with. */
  readonly type: string;
  /** --schema: the schema IN is written in; undefined: detect it. */
  readonly schema: SchemaName | undefined;
  readonly compact: boolean;
  readonly emitDefaults: boolean;
}

export function parseConvertArgs(args: string[]): ConvertCommand {
  const { values, positionals } = parseCommandArgs(COMMAND, args, OPTIONS);
  if (positionals.length > 2) {
    throw new UsageError(
      `convert takes at most IN and OUT, got ${positionals.length} arguments: ${positionals.join(" ")}`,
      COMMAND,
    );
  }
  const input = positionals[0] ?? STDIO;
  const output = positionals[1] ?? STDIO;
  const from = parseFormat(values.from, "--from", COMMAND) ?? formatOf(input);
  const targets = parseTargets(values.to ?? []);
  const to =
    targets.format ?? (output !== STDIO ? formatOf(output) : from === "json" ? "binary" : "json");
  return {
    input,
    output,
    from,
    to,
    toSchema: targets.schema,
    type: values.type ?? "TaskInfo",
    schema: parseSchema(values.schema, COMMAND),
    compact: values.compact ?? false,
    emitDefaults: values["emit-defaults"] ?? false,
    ignoreUnknownFields: values["ignore-unknown-fields"] ?? false,
    maxBytes: parseMaxBytes(values["max-bytes"], COMMAND),
  };
}

/**
 * --to takes an output format (json, binary), a schema (seed, v1), or one of each: given twice
 * (`--to v1 --to json`) or comma-separated (`--to v1,json`).
 */
function parseTargets(values: readonly string[]) {
  let format: InputFormat | undefined;
  let schema: SchemaName | undefined;
  for (const value of values.flatMap((v) => v.split(","))) {
    const name = value.trim().toLowerCase();
    if (name === "seed" || name === "v1") {
      if (schema !== undefined && schema !== name) {
        throw new UsageError(`--to names two schemas: ${schema} and ${name}`, COMMAND);
      }
      schema = name;
      continue;
    }
    const parsed = parseFormat(name, "--to", COMMAND);
    if (parsed === undefined) continue; // "auto"
    if (format !== undefined && format !== parsed) {
      throw new UsageError(`--to names two formats: ${format} and ${parsed}`, COMMAND);
    }
    format = parsed;
  }
  return { format, schema };
}

export async function runConvert(command: ConvertCommand, io: Io): Promise<ExitCode> {
  if (command.to === "binary" && command.output === STDIO && io.stdout.isTTY) {
    throw new UsageError(
      "refusing to write binary protobuf to a terminal; name an OUT file or redirect stdout",
      COMMAND,
    );
  }
  const request = await requestType(command.type, command.schema, COMMAND);
  await assertRegularFiles([command.input], io.cwd, COMMAND);
  const err = styleFor(io.stderr, io.env, "auto");
  const tell = (file: string, issues: readonly FileIssue[]): void => {
    for (const issue of issues) io.stderr.write(formatFileError(file, issue, err));
  };
  const fail = (file: string, issues: readonly FileIssue[]): ExitCode => {
    tell(file, issues);
    return EXIT_FAILURE;
  };
  let input: string | Uint8Array | undefined;
  let output: string | Uint8Array;
  try {
    const context = { ...io, maxBytes: command.maxBytes, command: COMMAND };
    input = await readInput(command.input, command.from, context);
    const choice = await chooseSchema(request, command.schema, input, command.from);
    // Which message of which schema IN was read as, and why.
    io.stderr.write(
      `note: read as ${choice.set.label} ${displayName(choice.type)} (${choice.reason})\n`,
    );
    let schema = choice.type;
    let message = await parseMessage(choice, input, command, true);
    if (command.toSchema === choice.set.name) {
      io.stderr.write(`note: the input is already ${choice.set.label}; nothing to convert\n`);
    } else if (command.toSchema !== undefined) {
      const converted = await convertSchema(schema, message, command.toSchema);
      // Errors: the other schema cannot carry the message (exit 1, nothing written); warnings
      // (e.g. a legacy container migrated) are told and the conversion goes on.
      tell(command.input, locateIssues(input, converted.issues));
      if (!converted.success) return EXIT_INVALID;
      ({ schema, message } = converted.data);
    }
    if (command.to === "binary") output = encode(schema, message);
    else {
      const json = toMesosJson(schema, message, { emitDefaults: command.emitDefaults });
      output = `${JSON.stringify(json, null, command.compact ? undefined : 2)}\n`;
    }
  } catch (error) {
    return fail(command.input, failureIssues(error, input));
  }
  if (command.output === STDIO) {
    io.stdout.write(output);
  } else {
    try {
      await writeFile(resolve(io.cwd, command.output), output);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail(command.output, [errorIssue("write_failed", [], `cannot write: ${reason}`)]);
    }
  }
  io.stderr.write(NOT_VALIDATED);
  return EXIT_OK;
}
