// `mesos-dockerinfo check FILE...`: decode, validate and explain each file.
import { parseArgs } from "node:util";
import type { DescMessage } from "@bufbuild/protobuf";
import type { DockerRunOptions } from "../launch/index.js";
import { COMMON_OPTIONS, parseFormat, parseMaxBytes, withUsageErrors } from "./args.js";
import type { ExitCode } from "./exit-codes.js";
import { toFileError } from "./file-error.js";
import { formatJsonDocument } from "./format-json.js";
import { formatFileError, formatFileReport, formatSummary } from "./format-text.js";
import { inspect } from "./inspect.js";
import type { Io } from "./io.js";
import { displayName, findMessageType } from "./message-types.js";
import { type ParseOptions, parseMessage } from "./parse-message.js";
import { formatOf, type InputFormat, readInput, STDIO } from "./read-input.js";
import { countIssues, type FileReport, summarize } from "./report.js";
import { type ColorChoice, styleFor } from "./style.js";
import { UsageError } from "./usage-error.js";

const COMMAND = "check";

const OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: "string", short: "f" },
  json: { type: "boolean" },
  strict: { type: "boolean" },
  "sandbox-directory": { type: "string" },
  "mapped-directory": { type: "string" },
  "container-name": { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
} as const;

interface CheckSettings extends ParseOptions {
  readonly schema: DescMessage;
  readonly format: InputFormat | undefined;
  readonly strict: boolean;
  readonly docker: DockerRunOptions;
}

export interface CheckCommand extends CheckSettings {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly color: ColorChoice;
}

export function parseCheckArgs(args: string[]): CheckCommand {
  const { values, positionals } = withUsageErrors(COMMAND, () =>
    parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true }),
  );
  if (positionals.length === 0) {
    throw new UsageError("check needs at least one FILE ('-' reads stdin)", COMMAND);
  }
  if (positionals.filter((file) => file === STDIO).length > 1) {
    throw new UsageError("'-' (stdin) can be given only once", COMMAND);
  }
  return {
    files: positionals,
    schema: findMessageType(values.type ?? "TaskInfo", COMMAND),
    format: parseFormat(values.format, "--format", COMMAND),
    json: values.json ?? false,
    strict: values.strict ?? false,
    ignoreUnknownFields: values["ignore-unknown-fields"] ?? false,
    maxBytes: parseMaxBytes(values["max-bytes"], COMMAND),
    docker: {
      sandboxDirectory: values["sandbox-directory"],
      mappedDirectory: values["mapped-directory"],
      containerName: values["container-name"],
    },
    color: values["no-color"] ? "never" : values.color ? "always" : "auto",
  };
}

/** Reads, decodes and inspects one file; never throws for bad input. */
export async function checkFile(file: string, settings: CheckSettings): Promise<FileReport> {
  const type = displayName(settings.schema);
  const format = settings.format ?? (file === STDIO ? "json" : formatOf(file));
  const base = { file, type, format, launch: null, issues: [], argv: null } as const;
  let message: ReturnType<typeof parseMessage>;
  try {
    message = parseMessage(
      settings.schema,
      await readInput(file, settings.maxBytes),
      format,
      settings,
    );
  } catch (error) {
    return { ...base, status: "error", error: toFileError(error) };
  }
  const { issues, launch, argv } = inspect(settings.schema, message, settings.docker);
  const { errors, warnings } = countIssues(issues);
  const invalid = errors > 0 || (settings.strict && warnings > 0);
  return { file, type, format, status: invalid ? "invalid" : "valid", launch, issues, argv };
}

export async function runCheck(command: CheckCommand, io: Io): Promise<ExitCode> {
  const out = styleFor(io.stdout, io.env, command.color);
  const err = styleFor(io.stderr, io.env, command.color);
  const reports: FileReport[] = [];
  for (const file of command.files) {
    const report = await checkFile(file, command);
    reports.push(report);
    // Errors always go to stderr, also with --json (where they are in the document too), so a
    // person watching a script sees them.
    if (report.error) io.stderr.write(formatFileError(file, report.error, err));
    else if (!command.json) io.stdout.write(`${formatFileReport(report, out, command.strict)}\n`);
  }
  const summary = summarize(reports, command.strict);
  io.stdout.write(
    command.json ? formatJsonDocument(reports, summary) : formatSummary(summary, out),
  );
  return summary.exitCode;
}
