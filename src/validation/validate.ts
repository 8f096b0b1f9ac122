// validate(schema, message): every rule, all issues at once, never throws.
import type { DescMessage, Message, MessageShape, MessageValidType } from "@bufbuild/protobuf";
import { fail, type Result, succeed } from "../problems/index.js";
import { Collector, GROUP, IMAGE_ENTRYPOINT } from "../rules/index.js";
import { sortIssues } from "./order.js";
import { type Plan, planOf, readyPlanOf } from "./plan.js";
import { rulesPlanOf } from "./rules-only.js";

export interface ValidateOptions {
  /**
   * For a CommandInfo validated on its own: true when it runs in a Docker image (a Docker task
   * or a Docker executor), whose entrypoint stands in for a missing `value` with `shell: false`.
   * Default false: a CommandInfo on its own is checked as a plain command task. TaskInfo and
   * ExecutorInfo work this out from their container and ignore the option.
   */
  readonly imageEntrypoint?: boolean;
  /**
   * For a Mesos 1.11 (mesos.v1) TaskInfo validated on its own: true to check it as a task of a
   * task group (LAUNCH_GROUP), whose executor Mesos sets from the operation. Default false: a
   * LAUNCH task, unless its executor is DEFAULT (then it is a task-group task anyway).
   * TaskGroupInfo and Offer.Operation.LaunchGroup check their tasks this way on their own.
   */
  readonly taskGroup?: boolean;
}

/** What validate returns: the message as its valid type, or every issue. */
export type ValidationResult<Desc extends DescMessage> = Result<MessageValidType<Desc>>;

/**
 * Check `message` (of type `schema`) against every rule of this library: proto2 required fields,
 * unknown enum values, unpaired surrogates, and the Mesos and Docker rules bound to each message
 * type, recursively. Messages of the seed schema get the seed's rules, messages of Mesos 1.11
 * (`mesos.v1`, from "mesos-dockerinfo/v1") the Mesos 1.11 master and agent rules. Paths are proto field names, indexes and map keys from `message`; issues
 * come in field order. Never throws: a value that is not a message of `schema` (or that cannot
 * be walked) is reported as `invalid_input`.
 *
 * On success `data` is `message` itself, typed as the valid type (required fields not optional).
 */
export function validate<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
  options?: ValidateOptions,
): ValidationResult<Desc> {
  return verdict(schema, message, options, false);
}

/**
 * validate, or with `rulesOnly` its domain rules alone (see validate-decoded.ts for when that
 * gives the same issues).
 */
export function verdict<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
  options: ValidateOptions | undefined,
  rulesOnly: boolean,
): ValidationResult<Desc> {
  const flags =
    (options?.imageEntrypoint === true ? IMAGE_ENTRYPOINT : 0) |
    (options?.taskGroup === true ? GROUP : 0);
  // A fresh message whose type has a fast verdict (Binding.clean, e.g. a whole TaskInfo) that
  // calls it clean: its rules would report nothing, so no collector, walk or sort is needed.
  if (
    rulesOnly &&
    isMessageOf(schema, message) &&
    rulesFor(schema)?.clean?.(message as never, flags) === true
  ) {
    return succeed(message as unknown as MessageValidType<Desc>, []);
  }
  const c = collect(schema, message, flags, rulesOnly);
  return c.errors === 0
    ? succeed(message as unknown as MessageValidType<Desc>, c.issues)
    : fail(c.issues);
}

function isMessageOf(schema: DescMessage, value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && (value as Message).$typeName === schema.typeName
  );
}

// The run behind validate: the collector, with the issues in field order.
function collect(
  schema: DescMessage,
  message: Message,
  flags: number,
  rulesOnly: boolean,
): Collector {
  const c = new Collector();
  if (!isMessageOf(schema, message)) {
    c.report(
      "invalid_input",
      `expected a ${schema.typeName} message, got ${describe(message)}: build it with create(${schemaName(schema)}, init), fromBinary or fromMesosJson`,
    );
    return c;
  }
  try {
    if (rulesOnly) rulesFor(schema)?.run(message, c, flags);
    else planFor(schema).run(message, c, flags);
  } catch (error) {
    // Only a value that breaks the generated shape gets here (e.g. a plain object with a
    // repeated field missing, or a nesting deep enough to exhaust the stack); the path is where
    // the walk stopped.
    c.report(
      "invalid_input",
      `the message does not have the shape of ${schema.typeName} here (${error instanceof Error ? error.message : String(error)}): build it with create(${schemaName(schema)}, init)`,
    );
  }
  sortIssues(schema, c.issues);
  return c;
}

// The last schema validated and its plan: a stream of messages of one type skips the WeakMap.
let lastSchema: DescMessage | undefined;
let lastPlan: Plan | undefined;

function planFor(schema: DescMessage): Plan {
  if (schema !== lastSchema) {
    lastPlan = readyPlanOf(schema);
    lastSchema = schema;
  }
  return lastPlan as Plan;
}

let lastRulesSchema: DescMessage | undefined;
let lastRules: Plan | null = null;

/** The rules-only plan of `schema`, null when it has no rule to run. */
function rulesFor(schema: DescMessage): Plan | null {
  if (schema !== lastRulesSchema) {
    lastRules = rulesPlanOf(planOf(schema));
    lastRulesSchema = schema;
  }
  return lastRules;
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
