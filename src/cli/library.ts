// The only file of the CLI that calls the library's verbs (decode, validate, launch, encode), so
// the shapes it depends on are in one place. Everything else in src/cli works on `Issue`s from
// src/problems and plain data.
import type { DescMessage, Message } from "@bufbuild/protobuf";
import { decode, encode, fromMesosJson, toMesosJson } from "../codec/index.js";
import {
  type DockerRunOptions,
  describeLaunch,
  dockerRunArgs,
  resolveLaunch,
} from "../launch/index.js";
import { type Issue, isMesosDockerInfoError, LaunchError } from "../problems/index.js";
import { type TaskInfo, TaskInfoSchema } from "../schema/index.js";
import { type ImageReference, validate } from "../validation/index.js";
import type { InputFormat } from "./read-input.js";

export interface ParseOptions {
  readonly maxBytes: number;
  readonly ignoreUnknownFields: boolean;
}

/**
 * Bytes (binary) or text (JSON) → a message, through the strict codec. `complete: false` (check)
 * skips only the required-field check: a message that lacks required fields is decodable, and
 * validation then reports `required_field_missing` together with every other issue, in one run.
 * `complete: true` (convert) refuses it, as encoding would. Throws the codec's errors; `issuesOf`
 * turns them into issues.
 */
export function parseMessage(
  schema: DescMessage,
  input: Uint8Array | string,
  format: InputFormat,
  options: ParseOptions,
  complete = false,
): Message {
  if (complete) {
    if (format === "binary" || typeof input !== "string") {
      return decode(schema, input as Uint8Array, { maxBytes: options.maxBytes });
    }
    return fromMesosJson(schema, input, {
      maxBytes: options.maxBytes,
      ignoreUnknownFields: options.ignoreUnknownFields,
    });
  }
  if (format === "binary" || typeof input !== "string") {
    return decode(schema, input as Uint8Array, { maxBytes: options.maxBytes, required: false });
  }
  return fromMesosJson(schema, input, {
    maxBytes: options.maxBytes,
    ignoreUnknownFields: options.ignoreUnknownFields,
    required: false,
  });
}

/** The issues of a library error (decode, encode, launch); undefined for anything else (a bug). */
export function issuesOf(error: unknown): Issue[] | undefined {
  return isMesosDockerInfoError(error) ? [...error.issues] : undefined;
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

/** A dockerRunArgs option the user set with a flag, and refused: a usage error for that flag. */
export class DockerOptionError extends Error {
  override readonly name = "DockerOptionError";
  /** The DockerRunOptions key, e.g. "containerName". */
  readonly option: string;

  constructor(option: string) {
    super(option);
    this.option = option;
  }
}

const DOCKER_KINDS: ReadonlySet<string> = new Set(["docker-task", "docker-executor"]);

/**
 * Every issue of one message, run once: for a TaskInfo through resolveLaunch (which validates and
 * classifies in one run, so the launch verdict and the issues cannot disagree), for any other
 * type through validate.
 */
export function inspect(
  schema: DescMessage,
  message: Message,
  docker: DockerRunOptions,
): Inspection {
  if (schema.typeName !== TaskInfoSchema.typeName) {
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
    argv: DOCKER_KINDS.has(launch.kind) ? runArgs(task, docker) : null,
  };
}

/**
 * The argv of a task resolveLaunch accepted as a Docker launch, so the only error left is an
 * option the user set with a flag (--sandbox-directory, --mapped-directory, --container-name).
 * dockerRunArgs resolves the task again: launch offers no entry point for a resolved Launch yet.
 */
function runArgs(task: TaskInfo, docker: DockerRunOptions): string[] {
  try {
    return dockerRunArgs(task, docker);
  } catch (error) {
    if (error instanceof LaunchError && error.code === "invalid_option") {
      const option = error.path[1];
      throw new DockerOptionError(typeof option === "string" ? option : "");
    }
    throw error;
  }
}

/** A message → binary protobuf or Mesos JSON text; throws the codec's EncodeError. */
export function serialize(
  schema: DescMessage,
  message: Message,
  to: InputFormat,
  json: { readonly compact: boolean; readonly emitDefaults: boolean },
): string | Uint8Array {
  if (to === "binary") return encode(schema, message);
  const value = toMesosJson(schema, message, { emitDefaults: json.emitDefaults });
  return `${JSON.stringify(value, null, json.compact ? undefined : 2)}\n`;
}
