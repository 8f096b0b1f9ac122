// `mesos-dockerinfo convert [IN] [OUT]`: strict decode, then encode, between Mesos-style JSON and
// binary protobuf. It does not validate (no Mesos or Docker rule is checked; `check` does that),
// and says so on stderr. Output is produced in memory and written only when everything
// succeeded, so a failed conversion never leaves a truncated OUT file behind.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { DescMessage } from "@bufbuild/protobuf";
import type { Issue } from "../problems/index.js";
import { COMMON_OPTIONS, parseCommandArgs, parseFormat, parseMaxBytes } from "./args.js";
import { EXIT_FAILURE, EXIT_OK, type ExitCode } from "./exit-codes.js";
import { forCommandLine } from "./flag-messages.js";
import { formatFileError } from "./format-text.js";
import type { Io } from "./io.js";
import { issuesOf, type ParseOptions, parseMessage, serialize } from "./library.js";
import { locateIssue } from "./locate.js";
import { findMessageType } from "./message-types.js";
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
import { styleFor } from "./style.js";
import { UsageError } from "./usage-error.js";

const COMMAND = "convert";

/** The stderr line of every successful conversion: converting is not checking. */
export const NOT_VALIDATED =
  "note: convert does not validate (no Mesos or Docker rule was checked); run 'mesos-dockerinfo check' for that\n";

const OPTIONS = {
  ...COMMON_OPTIONS,
  from: { type: "string" },
  to: { type: "string" },
  compact: { type: "boolean" },
  "emit-defaults": { type: "boolean" },
} as const;

export interface ConvertCommand extends ParseOptions {
  readonly input: string;
  readonly output: string;
  readonly from: InputFormat;
  readonly to: InputFormat;
  readonly schema: DescMessage;
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
  const to =
    parseFormat(values.to, "--to", COMMAND) ??
    (output !== STDIO ? formatOf(output) : from === "json" ? "binary" : "json");
  return {
    input,
    output,
    from,
    to,
    schema: findMessageType(values.type ?? "TaskInfo", COMMAND),
    compact: values.compact ?? false,
    emitDefaults: values["emit-defaults"] ?? false,
    ignoreUnknownFields: values["ignore-unknown-fields"] ?? false,
    maxBytes: parseMaxBytes(values["max-bytes"], COMMAND),
  };
}

export async function runConvert(command: ConvertCommand, io: Io): Promise<ExitCode> {
  if (command.to === "binary" && command.output === STDIO && io.stdout.isTTY) {
    throw new UsageError(
      "refusing to write binary protobuf to a terminal; name an OUT file or redirect stdout",
      COMMAND,
    );
  }
  await assertRegularFiles([command.input], io.cwd, COMMAND);
  const err = styleFor(io.stderr, io.env, "auto");
  const fail = (file: string, issues: readonly FileIssue[]): ExitCode => {
    for (const issue of issues) io.stderr.write(formatFileError(file, issue, err));
    return EXIT_FAILURE;
  };
  let output: string | Uint8Array;
  let text: string | undefined;
  try {
    const bytes = await readInput(command.input, {
      stdin: io.stdin,
      cwd: io.cwd,
      maxBytes: command.maxBytes,
      command: COMMAND,
    });
    text = command.from === "json" ? decodeText(bytes) : undefined;
    const message = parseMessage(command.schema, text ?? bytes, command.from, command, true);
    output = serialize(command.schema, message, command.to, command);
  } catch (error) {
    if (error instanceof InputError) return fail(command.input, [error.issue]);
    const issues = issuesOf(error);
    if (issues === undefined) throw error;
    const shown = issues.map(forCommandLine);
    const source = text;
    return fail(
      command.input,
      source === undefined ? shown : shown.map((issue) => locateIssue(source, issue)),
    );
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
