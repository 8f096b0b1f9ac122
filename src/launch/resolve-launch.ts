// resolveLaunch: which of Mesos's launch paths a TaskInfo takes (reference mesos.md §3.1, §3.3).
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
import { isFieldSet } from "@bufbuild/protobuf";
import {
  type CommandInfo,
  CommandInfoSchema,
  type ContainerInfo_DockerInfo,
  ContainerInfo_DockerInfo_VolumeSchema,
  type ExecutorInfo,
  ExecutorInfoSchema,
  type TaskInfo,
  TaskInfoSchema,
  ContainerInfo_DockerInfo_Volume_Mode as VolumeMode,
} from "../../gen/mesos/mesos_pb.js";
import { cachedImageReference } from "../validation/docker-image.js";
import type { Issue } from "../validation/issue.js";
import { legacyDockerImage } from "../validation/legacy-container.js";
import { validate } from "../validation/validate.js";
import type {
  DockerLaunch,
  LaunchCommand,
  LaunchEnvironmentVariable,
  LaunchExecutor,
  LaunchResult,
  LaunchVolume,
} from "./launch.js";

// Shared empty values and image paths: resolving allocates only what it must.
const NO_VOLUMES: readonly LaunchVolume[] = Object.freeze([]);
const NO_VARIABLES: readonly LaunchEnvironmentVariable[] = Object.freeze([]);
const NO_ARGUMENTS: readonly string[] = Object.freeze([]);
const TASK_IMAGE = Object.freeze(["container", "docker", "image"]);
const TASK_LEGACY_IMAGE = Object.freeze(["command", "container", "image"]);
const EXECUTOR_IMAGE = Object.freeze(["executor", "container", "docker", "image"]);
const EXECUTOR_LEGACY_IMAGE = Object.freeze(["executor", "command", "container", "image"]);
// Only reachable when validation let through a task without the field it checks for.
const NO_COMMAND: LaunchCommand = Object.freeze({
  shell: true,
  value: undefined,
  arguments: NO_ARGUMENTS,
  environment: NO_VARIABLES,
  user: undefined,
});

/**
 * How Mesos would launch `task`: `{ success: true, launch, issues }` (issues are validate()'s
 * warnings) or `{ success: false, issues }` (validate()'s issues, at least one error).
 *
 * Total: it returns for every input and never throws (validate() reports a value that is not a
 * mesos.TaskInfo message as one `input_invalid` issue).
 */
export function resolveLaunch(task: TaskInfo): LaunchResult {
  const verdict = validate(TaskInfoSchema, task);
  if (!verdict.success) {
    return { success: false, issues: verdict.issues };
  }
  return task.executor === undefined
    ? classifyCommandTask(task, verdict.issues)
    : classifyExecutorTask(task.executor, verdict.issues);
}

function classifyCommandTask(task: TaskInfo, issues: Issue[]): LaunchResult {
  const command = task.command === undefined ? NO_COMMAND : summarizeCommand(task.command);
  const docker = task.container?.docker;
  if (docker !== undefined) {
    const launch = dockerLaunch(docker.image, TASK_IMAGE, false, docker, command);
    return withIssues(launch, issues);
  }
  const legacy = legacyDockerImage(task.command?.container);
  if (legacy !== undefined) {
    const launch = dockerLaunch(legacy, TASK_LEGACY_IMAGE, true, undefined, command);
    return withIssues(launch, issues);
  }
  return {
    success: true,
    launch: { kind: "command", legacy: false, command, volumes: NO_VOLUMES },
    issues,
  };
}

function classifyExecutorTask(info: ExecutorInfo, issues: Issue[]): LaunchResult {
  const command = info.command === undefined ? NO_COMMAND : summarizeCommand(info.command);
  const executor = summarizeExecutor(info);
  const docker = info.container?.docker;
  if (docker !== undefined) {
    const launch = dockerLaunch(docker.image, EXECUTOR_IMAGE, false, docker, command, executor);
    return withIssues(launch, issues);
  }
  const legacy = legacyDockerImage(info.command?.container);
  if (legacy !== undefined) {
    const launch = dockerLaunch(legacy, EXECUTOR_LEGACY_IMAGE, true, undefined, command, executor);
    return withIssues(launch, issues);
  }
  return {
    success: true,
    launch: { kind: "custom-executor", legacy: false, command, volumes: NO_VOLUMES, executor },
    issues,
  };
}

/** A docker-executor when `executor` is given, else a docker-task. */
function dockerLaunch(
  rawImage: string,
  imagePath: readonly string[],
  legacy: boolean,
  docker: ContainerInfo_DockerInfo | undefined,
  command: LaunchCommand,
  executor?: LaunchExecutor,
): DockerLaunch | Issue {
  // The cache validate() filled moments ago: the image is parsed once per task, not twice. The
  // reference it returns is frozen because it is shared.
  const parsed = cachedImageReference(rawImage);
  if (!parsed.success) {
    // validate() checks every image with the same parser, so this is unreachable unless the
    // two disagree; report it as the issue validate() would have given rather than throw.
    return {
      code: "image_invalid",
      severity: "error",
      path: [...imagePath],
      message: `${JSON.stringify(rawImage)} is not a valid Docker image reference: ${parsed.error.message}`,
    };
  }
  const volumes = docker === undefined ? NO_VOLUMES : summarizeVolumes(docker);
  const base = { legacy, image: parsed.reference, rawImage, imagePath, command, volumes };
  return executor === undefined
    ? { kind: "docker-task", ...base }
    : { kind: "docker-executor", ...base, executor };
}

function withIssues(launch: DockerLaunch | Issue, issues: Issue[]): LaunchResult {
  return "kind" in launch
    ? { success: true, launch, issues }
    : { success: false, issues: [...issues, launch] };
}

function summarizeCommand(command: CommandInfo): LaunchCommand {
  return {
    shell: command.shell,
    value: isFieldSet(command, CommandInfoSchema.field.value) ? command.value : undefined,
    arguments: command.arguments,
    environment: command.environment?.variables ?? NO_VARIABLES,
    user: isFieldSet(command, CommandInfoSchema.field.user) ? command.user : undefined,
  };
}

function summarizeExecutor(info: ExecutorInfo): LaunchExecutor {
  return {
    id: info.executorId?.value ?? "",
    name: isFieldSet(info, ExecutorInfoSchema.field.name) ? info.name : undefined,
    info,
  };
}

function summarizeVolumes(docker: ContainerInfo_DockerInfo): readonly LaunchVolume[] {
  const source = docker.volume;
  if (source.length === 0) return NO_VOLUMES;
  const volumes: LaunchVolume[] = new Array(source.length);
  const hostDirField = ContainerInfo_DockerInfo_VolumeSchema.field.hostDir;
  for (let i = 0; i < source.length; i++) {
    const volume = source[i] as (typeof source)[number];
    const mode = volume.mode === VolumeMode.RO ? "ro" : "rw";
    volumes[i] = isFieldSet(volume, hostDirField)
      ? { containerDir: volume.containerDir, hostDir: volume.hostDir, mode, anonymous: false }
      : { containerDir: volume.containerDir, mode, anonymous: true };
  }
  return volumes;
}
