// validate(schema, message): every rule, all issues at once, never throws.
import type { DescMessage, Message, MessageShape } from "@bufbuild/protobuf";
import { Collector } from "./collector.js";
import { IMAGE_ENTRYPOINT } from "./command-info.js";
import type { Issue } from "./issue.js";
import { walkMessage } from "./walkers.js";

export interface ValidateOptions {
  /**
   * For a CommandInfo validated on its own: true when it runs in a Docker image (a Docker task
   * or a Docker executor), whose entrypoint stands in for a missing `value` with `shell: false`.
   * Default false: a CommandInfo on its own is checked as a plain command task. TaskInfo and
   * ExecutorInfo work this out from their container and ignore the option.
   */
  readonly imageEntrypoint?: boolean;
}

export interface ValidationResult {
  /** False iff some issue has severity "error". */
  readonly success: boolean;
  /** Every issue, errors and warnings, in field order. */
  readonly issues: Issue[];
}

/**
 * Check `message` (of type `schema`) against every rule of this library: proto2 required fields,
 * unknown enum values, and the Mesos and Docker rules of each message type, recursively.
 * Paths are proto field names and indexes from `message`. Never throws: a value that is not a
 * message of `schema` (or that cannot be walked) is reported as `input_invalid`.
 */
export function validate<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
  options?: ValidateOptions,
): ValidationResult {
  const c = collect(schema, message, options?.imageEntrypoint === true ? IMAGE_ENTRYPOINT : 0);
  return { success: c.errors === 0, issues: c.issues };
}

/**
 * The run behind validate(), for this package's own callers (resolveLaunch): the collector with
 * every issue and the error count, without a result object. `flags` are the walkers' context
 * flags (command-info.ts).
 */
export function collect(schema: DescMessage, message: Message, flags: number): Collector {
  const c = new Collector();
  const value: unknown = message;
  if (typeof value !== "object" || value === null || message.$typeName !== schema.typeName) {
    c.report(
      "input_invalid",
      `expected a ${schema.typeName} message, got ${describe(value)}: build it with create(${schemaName(schema)}, init), fromBinary or fromMesosJson`,
    );
  } else {
    try {
      walkMessage(schema, message, c, flags);
    } catch (error) {
      // Only a value that breaks the generated shape gets here (e.g. a plain object with a
      // repeated field missing, or a nesting deep enough to exhaust the stack); the path is where
      // the walk stopped.
      c.report(
        "input_invalid",
        `the message does not have the shape of ${schema.typeName} here (${error instanceof Error ? error.message : String(error)}): build it with create(${schemaName(schema)}, init)`,
      );
    }
  }
  return c;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  const typeName = (value as { $typeName?: unknown }).$typeName;
  return typeof typeName === "string" ? `a ${typeName} message` : "an object that is not a message";
}

// "mesos.ContainerInfo.DockerInfo" -> "ContainerInfo_DockerInfoSchema", the generated name.
function schemaName(schema: DescMessage): string {
  const pkg = schema.file.proto.package;
  const local = pkg === "" ? schema.typeName : schema.typeName.slice(pkg.length + 1);
  return `${local.replaceAll(".", "_")}Schema`;
}
