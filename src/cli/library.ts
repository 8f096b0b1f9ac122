// The file of the CLI that calls the library's reading verbs (decode, validate, launch), so the
// shapes it depends on are in one place. The binary codec (decode-binary.ts) is imported only for
// a binary input, so that a `check` of JSON does not even parse its code; the writing verbs
// (encode, Mesos JSON) are convert.ts's, loaded for `convert` only.
import type { DescMessage, Message } from "@bufbuild/protobuf";
import { fromMesosJson } from "../codec/index.js";
import {
  type DockerRunOptions,
  describeLaunch,
  dockerRunArgsOf,
  type Launch,
  resolveLaunch,
} from "../launch/index.js";
import { type Issue, LaunchError, type Result, succeed } from "../problems/index.js";
import type { TaskInfo } from "../schema/index.js";
import { type ImageReference, validate } from "../validation/index.js";
import type { SchemaChoice } from "./choose-schema.js";
import { loadSchemaSet, type SchemaName } from "./schema-set.js";
import { UsageError } from "./usage-error.js";

export interface ParseOptions {
  readonly maxBytes: number;
  readonly ignoreUnknownFields: boolean;
}

/**
 * Text (JSON) or bytes (binary) → a message of the chosen type, through the strict codec.
 * `complete: false` (check) skips only the required-field check: a message that lacks required
 * fields is decodable, and validation then reports `required_field_missing` together with every
 * other issue, in one run. `complete: true` (convert) refuses it, as encoding would. Throws the
 * codec's errors.
 */
export async function parseMessage(
  { type, set }: SchemaChoice,
  input: Uint8Array | string,
  options: ParseOptions,
  complete = false,
): Promise<Message> {
  if (typeof input !== "string") {
    const { decode } = await import("./decode-binary.js");
    return decode(type, input, { maxBytes: options.maxBytes, required: complete });
  }
  return fromMesosJson(type, input, {
    maxBytes: options.maxBytes,
    ignoreUnknownFields: options.ignoreUnknownFields,
    // A mesos.v1 input may use the v0 names Mesos's operator endpoints still write (slave_id).
    v0Names: set.name === "v1",
    required: complete,
  });
}

/** The launch path in a JSON-friendly form (the parsed image reference is plain data). */
export interface LaunchSummary {
  readonly kind: string;
  readonly legacy: boolean;
  readonly description: string;
  readonly image: ImageReference | null;
}

export interface Inspection {
  readonly issues: readonly Issue[];
  /** Null for a TaskInfo that cannot launch, and for every other message type. */
  readonly launch: LaunchSummary | null;
  /** The `docker run` argument vector for a Docker launch, else null. */
  readonly argv: readonly string[] | null;
}

/** DockerRunOptions keys → the flags that set them, for usage errors. */
const DOCKER_FLAGS: Readonly<Record<string, string>> = {
  sandboxDirectory: "--sandbox-directory",
  mappedDirectory: "--mapped-directory",
  containerName: "--container-name",
};

const DOCKER_KINDS: ReadonlySet<string> = new Set(["docker-task", "docker-executor"]);

/** The TaskInfo of both schemas: resolveLaunch and dockerRunArgs take either. */
const TASK_TYPES: ReadonlySet<string> = new Set(["mesos.TaskInfo", "mesos.v1.TaskInfo"]);

/**
 * Every issue of one message, run once: for a TaskInfo (of either schema) through resolveLaunch
 * (which validates and classifies in one run, so the launch verdict and the issues cannot
 * disagree), for any other type through validate. A mesos.v1 task takes exactly the same calls:
 * the launch folder tells the schemas apart by the message's type name.
 */
export function inspect(
  schema: DescMessage,
  message: Message,
  docker: DockerRunOptions,
  command: string,
): Inspection {
  if (!TASK_TYPES.has(schema.typeName)) {
    return { issues: validate(schema, message).issues, launch: null, argv: null };
  }
  const task = message as TaskInfo;
  const result = resolveLaunch(task);
  const issues = result.issues;
  if (!result.success) return { issues, launch: null, argv: null };
  const launch = result.data;
  return {
    issues,
    launch: {
      kind: launch.kind,
      legacy: launch.legacy,
      description: describeLaunch(launch),
      image: launch.image ?? null,
    },
    argv: DOCKER_KINDS.has(launch.kind) ? runArgs(task, launch, docker, command) : null,
  };
}

/**
 * The argv of a task resolveLaunch accepted as a Docker launch, so the only error left is an
 * option the user set with a flag (--sandbox-directory, --mapped-directory, --container-name):
 * a UsageError for that flag. The task is not resolved (validated) a second time: the argv is
 * built from `launch`.
 */
function runArgs(task: TaskInfo, launch: Launch, docker: DockerRunOptions, command: string) {
  try {
    return dockerRunArgsOf(task, launch, docker);
  } catch (error) {
    if (!(error instanceof LaunchError && error.code === "invalid_option")) throw error;
    const option = String(error.path[1]);
    const value = (docker as Record<string, unknown>)[option];
    const shown = typeof value === "string" ? ` ${JSON.stringify(value)}` : "";
    throw new UsageError(
      `${DOCKER_FLAGS[option] ?? "a docker run option"}${shown} cannot be written into a docker run command (docker refuses it, or it would change the command's meaning)`,
      command,
    );
  }
}

/**
 * toMesosV1 (to "v1") or fromMesosV1 (to "seed") of a message of the other schema: the converted
 * message with its schema, or the issues. The convert folder holds both schemas' descriptors, so
 * it is imported only when a conversion is asked for.
 */
export async function convertSchema(
  schema: DescMessage,
  message: Message,
  to: SchemaName,
): Promise<Result<{ schema: DescMessage; message: Message }>> {
  const { fromMesosV1, toMesosV1 } = await import("../convert/index.js");
  // The generic signatures pair each message type with its counterpart at compile time; here the
  // type is chosen at run time, and both functions check the schema and message themselves.
  type Any = Parameters<typeof toMesosV1>[0];
  type AnyV1 = Parameters<typeof fromMesosV1>[0];
  const result =
    to === "v1"
      ? toMesosV1(schema as Any, message as never)
      : fromMesosV1(schema as AnyV1, message as never);
  if (!result.success) return result;
  // The converted message's schema, found in its own schema set by its type name.
  const converted = result.data as Message;
  const set = await loadSchemaSet(to);
  const found = set.messages.find((desc) => desc.typeName === converted.$typeName);
  if (found === undefined) throw new Error(`no schema for ${converted.$typeName}`);
  return succeed({ schema: found, message: converted }, result.issues);
}
