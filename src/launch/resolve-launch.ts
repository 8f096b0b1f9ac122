// resolveLaunch: which of Mesos's launch paths a TaskInfo takes (Mesos 1.11.0 src/slave/slave.cpp and src/slave/containerizer/docker.cpp).
//
// Validation is the single source of truth for what is wrong with a task: this file runs
// validate(TaskInfoSchema, task) and, only when it reports no error, classifies. It never checks a
// rule itself, so the resolver and validate cannot disagree about whether a task can launch.
//
// Decision (after validation succeeded, so exactly one of command/executor is set, every
// ContainerInfo has its DockerInfo, and no level names two images):
//   executor set:   executor.container              -> "docker-executor"
//                   executor.command.container docker:///X -> "docker-executor" (legacy)
//                   otherwise                       -> "custom-executor"
//                   (task.container is ignored: Mesos only hands it to the executor)
//   command set:    task.container                  -> "docker-task"
//                   command.container docker:///X   -> "docker-task" (legacy)
//                   otherwise                       -> "command"
// A legacy container with another scheme is not a Docker launch (validation warns about it).
import type { Message } from "@bufbuild/protobuf";
import { fail, type Issue, succeed } from "../problems/index.js";
import { cachedImageReference, legacyDockerImage } from "../rules/index.js";
import {
  type CommandInfo,
  type ContainerInfo_DockerInfo,
  type ExecutorInfoValid,
  present,
  type TaskInfo,
  TaskInfoSchema,
  type TaskInfoValid,
  ContainerInfo_DockerInfo_Volume_Mode as VolumeMode,
} from "../schema/index.js";
import type { TaskInfo as V1TaskInfo } from "../v1/index.js";
import { validate } from "../validation/index.js";
import type {
  DockerLaunch,
  LaunchCommand,
  LaunchExecutor,
  LaunchResult,
  LaunchVolume,
} from "./launch.js";
import {
  EXECUTOR_IMAGE,
  imageMismatch,
  NO_COMMAND,
  NO_VARIABLES,
  NO_VOLUMES,
  summarizeExecutor,
  TASK_IMAGE,
} from "./resolve-shared.js";

const TASK_LEGACY_IMAGE = Object.freeze(["command", "container", "image"]);
const EXECUTOR_LEGACY_IMAGE = Object.freeze(["executor", "command", "container", "image"]);

/**
 * How Mesos would launch `task`: `{ success: true, data: launch, issues }` (issues are
 * validate()'s warnings) or `{ success: false, issues }` (validate()'s issues, at least one error).
 *
 * Both schemas: a mesos.v1.TaskInfo (Mesos 1.11) is validated against the Mesos 1.11 rules and
 * can also resolve to "mesos-task" (a MESOS container) or "default-executor" (a DEFAULT executor).
 *
 * Total: it returns for every input and never throws (validate() reports a value that is not a
 * TaskInfo message as one `invalid_input` issue).
 */
export function resolveLaunch(task: TaskInfo | V1TaskInfo): LaunchResult {
  return resolveLaunchWith(task, validate);
}

/** How a task is judged: validate, or (decodeLaunch) validateDecoded. */
export type TaskValidator = typeof validate;

/** Internal: resolveLaunch with the verdict of `check` (validate's result, however obtained). */
export function resolveLaunchWith(task: TaskInfo | V1TaskInfo, check: TaskValidator): LaunchResult {
  if (isV1(task)) return resolveV1(task, check);
  const verdict = check(TaskInfoSchema, task);
  if (!verdict.success) return verdict;
  const valid = verdict.data;
  const executor = valid.executor;
  return executor === undefined
    ? classifyCommandTask(valid, verdict.issues)
    : classifyExecutorTask(executor, verdict.issues);
}

/** Resolves a TaskInfo of one schema (its $typeName names it), judging it with `check`. */
type LaunchResolver = (task: Message, check: TaskValidator) => LaunchResult;

// The resolvers of schemas other than the seed, by the TaskInfo's full type name. The Mesos 1.11
// resolver lives with the rest of the v1 support (src/mesos-v1) and registers itself when that
// folder is imported (the package root does), so resolving a seed task never loads the v1
// descriptors; only a program that reaches this folder past the root can miss it, and then gets
// an issue, not a throw.
const resolvers = new Map<string, LaunchResolver>();

/** Sets the resolver for TaskInfo messages of type `typeName` (e.g. "mesos.v1.TaskInfo"). */
export function registerLaunchResolver(typeName: string, resolver: LaunchResolver): void {
  resolvers.set(typeName, resolver);
}

function resolveV1(task: V1TaskInfo, check: TaskValidator): LaunchResult {
  const resolver = resolvers.get(task.$typeName);
  if (resolver !== undefined) return resolver(task, check);
  return fail([
    {
      code: "invalid_input",
      severity: "error",
      path: [],
      message: `${task.$typeName}: the Mesos 1.11 support is not loaded (import "mesos-dockerinfo", which loads it)`,
    },
  ]);
}

function isV1(task: unknown): task is V1TaskInfo {
  return (
    typeof task === "object" &&
    task !== null &&
    (task as { $typeName?: unknown }).$typeName === "mesos.v1.TaskInfo"
  );
}

function classifyCommandTask(task: TaskInfoValid, issues: Issue[]): LaunchResult {
  const info = task.command;
  const command = info === undefined ? NO_COMMAND : summarizeCommand(info);
  const docker = task.container?.docker;
  if (docker !== undefined) {
    return dockerLaunch(issues, docker.image, TASK_IMAGE, false, docker, command, undefined);
  }
  const legacy = legacyDockerImage(info?.container);
  if (legacy !== undefined) {
    return dockerLaunch(issues, legacy, TASK_LEGACY_IMAGE, true, undefined, command, undefined);
  }
  return succeed({ kind: "command", legacy: false, command, volumes: NO_VOLUMES }, issues);
}

function classifyExecutorTask(info: ExecutorInfoValid, issues: Issue[]): LaunchResult {
  const command = summarizeCommand(info.command);
  const executor = summarizeExecutor(info);
  const docker = info.container?.docker;
  if (docker !== undefined) {
    return dockerLaunch(issues, docker.image, EXECUTOR_IMAGE, false, docker, command, executor);
  }
  const legacy = legacyDockerImage(info.command.container);
  if (legacy !== undefined) {
    return dockerLaunch(issues, legacy, EXECUTOR_LEGACY_IMAGE, true, undefined, command, executor);
  }
  return succeed(
    { kind: "custom-executor", legacy: false, command, volumes: NO_VOLUMES, executor },
    issues,
  );
}

/** A docker-executor launch when `executor` is given, else a docker-task launch. */
function dockerLaunch(
  issues: Issue[],
  rawImage: string,
  imagePath: readonly string[],
  legacy: boolean,
  docker: ContainerInfo_DockerInfo | undefined,
  command: LaunchCommand,
  executor: LaunchExecutor | undefined,
): LaunchResult {
  // The cache validate() filled moments ago: the image is parsed once per task, not twice. The
  // reference it returns is frozen because it is shared.
  const parsed = cachedImageReference(rawImage);
  if (!parsed.success) return imageMismatch(issues, rawImage, imagePath, parsed.error.message);
  const image = parsed.reference;
  const volumes = docker === undefined ? NO_VOLUMES : summarizeVolumes(docker);
  // Object literals, not a spread of a shared base: a literal gets its final shape at once.
  const launch: DockerLaunch =
    executor === undefined
      ? { kind: "docker-task", legacy, image, rawImage, imagePath, command, volumes }
      : { kind: "docker-executor", legacy, image, rawImage, imagePath, command, volumes, executor };
  return succeed(launch, issues);
}

// Presence through the schema's own-property test (the rules' notion of "set"), not isFieldSet: no descriptor
// lookup on the hot path, and the same notion of "set" as the rules use.
function summarizeCommand(command: CommandInfo): LaunchCommand {
  const value = command.value;
  const user = command.user;
  return {
    shell: command.shell,
    value: present(command, "value", value, "") ? value : undefined,
    arguments: command.arguments,
    environment: command.environment?.variables ?? NO_VARIABLES,
    user: present(command, "user", user, "") ? user : undefined,
  };
}

function summarizeVolumes(docker: ContainerInfo_DockerInfo): readonly LaunchVolume[] {
  const source = docker.volume;
  const n = source.length;
  if (n === 0) return NO_VOLUMES;
  const volumes: LaunchVolume[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const volume = source[i] as (typeof source)[number];
    const containerDir = volume.containerDir;
    const hostDir = volume.hostDir;
    const mode = volume.mode === VolumeMode.RO ? "ro" : "rw";
    volumes[i] = present(volume, "hostDir", hostDir, "")
      ? { containerDir, hostDir, mode, anonymous: false }
      : { containerDir, mode, anonymous: true };
  }
  return volumes;
}
