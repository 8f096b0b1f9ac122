// `mesos-dockerinfo convert [IN] [OUT]`: strict decode, then encode, between Mesos-style JSON and
// binary protobuf. It does not validate (no Mesos or Docker rule is checked; `check` does that),
// and says so on stderr. Output is produced in memory and written only when everything
// succeeded, so a failed conversion never leaves a truncated OUT file behind.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { DescMessage, Message } from "@bufbuild/protobuf";
import type { Issue } from "../problems/index.js";
import { COMMON_OPTIONS, parseCommandArgs, parseFormat, parseSchema } from "./args.js";
import { chooseSchema } from "./choose-schema.js";
import { EXIT_FAILURE, EXIT_INVALID, EXIT_OK, type ExitCode } from "./exit-codes.js";
import { forCommandLine } from "./flag-messages.js";
import { formatFileError } from "./format-text.js";
import type { Io } from "./io.js";
import { convertSchema, issuesOf, type ParseOptions, parseMessage } from "./library.js";
import { locateIssue } from "./locate.js";
import { parseMaxBytes } from "./max-bytes.js";
import { displayName, requestType } from "./message-types.js";
import {
  assertRegularFiles,
  decodeText,
  formatOf,
  InputError,
  type InputFormat,
  readInput,
  STDIO,
} from "./read-input.js";
import type { FileIssue } from "./report.js";
import type { SchemaName } from "./schema-set.js";
import { serialize } from "./serialize.js";
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
  schema: { type: "string", short: "s" },
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
  const from =
    parseFormat(values.from, "--from", COMMAND) ?? (input === STDIO ? "json" : formatOf(input));
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
function parseTargets(values: readonly string[]): {
  format: InputFormat | undefined;
  schema: SchemaName | undefined;
} {
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

/** The stderr note of every conversion: which message of which schema IN was read as, and why. */
export function readAsNote(type: DescMessage, label: string, reason: string): string {
  return `note: read as ${label} ${displayName(type)} (${reason})\n`;
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
  let output: string | Uint8Array;
  let text: string | undefined;
  const located = (issues: readonly Issue[]): FileIssue[] => {
    const source = text;
    return source === undefined ? [...issues] : issues.map((issue) => locateIssue(source, issue));
  };
  try {
    const bytes = await readInput(command.input, {
      stdin: io.stdin,
      cwd: io.cwd,
      maxBytes: command.maxBytes,
      command: COMMAND,
    });
    text = command.from === "json" ? decodeText(bytes) : undefined;
    const choice = await chooseSchema(request, command.schema, text ?? bytes, command.from);
    io.stderr.write(readAsNote(choice.type, choice.set.label, choice.reason));
    // A mesos.v1 input may use the v0 names Mesos's operator endpoints still write (slave_id).
    const options = { ...command, v0Names: choice.set.name === "v1" };
    let schema = choice.type;
    let message: Message = await parseMessage(schema, text ?? bytes, command.from, options, true);
    if (command.toSchema === choice.set.name) {
      io.stderr.write(`note: the input is already ${choice.set.label}; nothing to convert\n`);
    } else if (command.toSchema !== undefined) {
      const converted = await convertSchema(schema, message, command.toSchema);
      // Errors: the other schema cannot carry the message (exit 1, nothing written); warnings
      // (e.g. a legacy container migrated) are told and the conversion goes on.
      tell(command.input, located(converted.issues));
      if (!converted.success) return EXIT_INVALID;
      schema = converted.schema;
      message = converted.message;
    }
    output = serialize(schema, message, command.to, command);
  } catch (error) {
    if (error instanceof InputError) return fail(command.input, [error.issue]);
    const issues = issuesOf(error);
    if (issues === undefined) throw error;
    return fail(command.input, located(issues.map(forCommandLine)));
  }
  if (command.output === STDIO) {
    io.stdout.write(output);
  } else {
    try {
      await writeFile(resolve(io.cwd, command.output), output);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const issue: Issue = {
        code: "write_failed",
        severity: "error",
        path: [],
        message: `cannot write: ${reason}`,
      };
      return fail(command.output, [issue]);
    }
  }
  io.stderr.write(NOT_VALIDATED);
  return EXIT_OK;
}
