// `mesos-dockerinfo check FILE...`: decode, validate and explain each file.
import type { DockerRunOptions } from "../launch/index.js";
import { countIssues } from "../problems/index.js";
import { COMMON_OPTIONS, parseCommandArgs, parseFormat, parseSchema } from "./args.js";
import { chooseSchema } from "./choose-schema.js";
import type { ExitCode } from "./exit-codes.js";
import { formatGithub } from "./format-github.js";
import { formatJsonDocument } from "./format-json.js";
import { formatFileError, formatFileReport, formatSummary } from "./format-text.js";
import type { Io } from "./io.js";
import { type Inspection, inspect, type ParseOptions, parseMessage } from "./library.js";
import { failureIssues, locateIssues } from "./locate.js";
import { parseMaxBytes } from "./max-bytes.js";
import { displayName, requestType, type TypeRequest } from "./message-types.js";
import { assertRegularFiles, formatOf, type InputFormat, readInput, STDIO } from "./read-input.js";
import { type FileIssue, type FileReport, type FileStatus, summarize } from "./report.js";
import type { SchemaName } from "./schema-set.js";
import { type ColorChoice, styleFor } from "./style.js";
import { UsageError } from "./usage-error.js";

const COMMAND = "check";

const OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: "string", short: "f" },
  reporter: { type: "string", short: "r" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  strict: { type: "boolean" },
  "sandbox-directory": { type: "string" },
  "mapped-directory": { type: "string" },
  "container-name": { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
} as const;

const REPORTERS = ["text", "json", "github"] as const;
type Reporter = (typeof REPORTERS)[number];

export interface CheckCommand extends ParseOptions {
  readonly files: readonly string[];
  /** --type: the message type's name, looked up in the schema each input is read with. */
  readonly type: string;
  /** --schema: read every input with this schema; undefined: detect it per input. */
  readonly schema: SchemaName | undefined;
  readonly format: InputFormat | undefined;
  readonly strict: boolean;
  readonly docker: DockerRunOptions;
  readonly reporter: Reporter;
  readonly quiet: boolean;
  readonly color: ColorChoice;
}

function parseReporter(reporter: string | undefined, json: boolean): Reporter {
  if (reporter === undefined) return json ? "json" : "text";
  if (!(REPORTERS as readonly string[]).includes(reporter)) {
    throw new UsageError(
      `--reporter must be text, json or github (got ${JSON.stringify(reporter)})`,
      COMMAND,
    );
  }
  if (json && reporter !== "json") {
    throw new UsageError(
      `--json means --reporter json; it contradicts --reporter ${reporter}`,
      COMMAND,
    );
  }
  return reporter as Reporter;
}

export function parseCheckArgs(args: string[]): CheckCommand {
  const { values, positionals } = parseCommandArgs(COMMAND, args, OPTIONS);
  if (positionals.length === 0) {
    throw new UsageError("check needs at least one FILE ('-' reads stdin)", COMMAND);
  }
  if (positionals.filter((file) => file === STDIO).length > 1) {
    throw new UsageError("'-' (stdin) can be given only once", COMMAND);
  }
  return {
    files: positionals,
    type: values.type ?? "TaskInfo",
    schema: parseSchema(values.schema, COMMAND),
    format: parseFormat(values.format, "--format", COMMAND),
    reporter: parseReporter(values.reporter, values.json ?? false),
    quiet: values.quiet ?? false,
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

/**
 * Reads, decodes and inspects one file; bad input is a report, never a throw. `wanted` is
 * --type checked by requestType (runCheck does it once for all files).
 */
async function checkFile(file: string, settings: CheckCommand, io: Io, wanted: TypeRequest) {
  let type = wanted.seed === undefined ? wanted.name : displayName(wanted.seed);
  let schema: string | null = null;
  let schemaReason: string | null = null;
  const format = settings.format ?? formatOf(file);
  const report = (status: FileStatus, issues: FileIssue[], found?: Inspection): FileReport => ({
    file,
    type,
    schema,
    schemaReason,
    format,
    status,
    launch: found?.launch ?? null,
    issues,
    argv: found?.argv ?? null,
  });
  let input: string | Uint8Array | undefined;
  let inspection: Inspection;
  try {
    input = await readInput(file, format, { ...io, maxBytes: settings.maxBytes, command: COMMAND });
    const choice = await chooseSchema(wanted, settings.schema, input, format);
    type = displayName(choice.type);
    schema = choice.set.label;
    schemaReason = choice.reason;
    const message = await parseMessage(choice, input, settings);
    inspection = inspect(choice.type, message, settings.docker, COMMAND);
  } catch (error) {
    return report("error", failureIssues(error, input));
  }
  const { errors, warnings } = countIssues(inspection.issues);
  const invalid = errors > 0 || (settings.strict && warnings > 0);
  return report(invalid ? "invalid" : "valid", locateIssues(input, inspection.issues), inspection);
}

export async function runCheck(command: CheckCommand, io: Io): Promise<ExitCode> {
  const request = await requestType(command.type, command.schema, COMMAND);
  await assertRegularFiles(command.files, io.cwd, COMMAND);
  const out = styleFor(io.stdout, io.env, command.color);
  const err = styleFor(io.stderr, io.env, command.color);
  const reports: FileReport[] = [];
  for (const file of command.files) {
    const report = await checkFile(file, command, io, request);
    reports.push(report);
    // A file that cannot be read or decoded is always told on stderr, also with another
    // reporter (where it is in the output too), so a person watching a script sees it. Under
    // --quiet the text reporter prints only the files that did not pass.
    if (report.status === "error") {
      for (const issue of report.issues) io.stderr.write(formatFileError(file, issue, err));
    } else if (command.reporter === "text" && (!command.quiet || report.status !== "valid")) {
      io.stdout.write(`${formatFileReport(report, out, command.strict, command.quiet)}\n`);
    }
  }
  const summary = summarize(reports, command.strict);
  if (command.reporter === "json") {
    io.stdout.write(formatJsonDocument(reports, summary, command.quiet));
  } else {
    if (command.reporter === "github") io.stdout.write(formatGithub(reports, command.quiet));
    io.stdout.write(formatSummary(summary, out));
  }
  return summary.exitCode;
}
