// The types of the launch layer: what resolveLaunch tells a caller about how Mesos would start a
// TaskInfo. Each variant carries everything a caller needs (image, volumes, command, executor)
// so nobody has to dig through the message again.
import type { Result } from "../problems/index.js";
import type { ImageReference } from "../rules/index.js";
import type { ExecutorInfoValid } from "../schema/index.js";

/** The four ways Mesos can start a TaskInfo (Mesos 1.11.0 src/slave/slave.cpp). */
export type LaunchKind = "command" | "docker-task" | "docker-executor" | "custom-executor";

/** A Docker volume in the form `docker run -v` needs it. */
export interface LaunchVolume {
  /** The mount point inside the container (Volume.container_dir). */
  readonly containerDir: string;
  /** The host directory (Volume.host_dir); absent for an anonymous volume. */
  readonly hostDir?: string;
  /** Volume.mode as Docker writes it. */
  readonly mode: "rw" | "ro";
  /** True when host_dir is unset: Docker creates an anonymous volume (`-v <container_dir>`). */
  readonly anonymous: boolean;
}

/** One environment variable of CommandInfo.environment. */
export interface LaunchEnvironmentVariable {
  readonly name: string;
  readonly value: string;
}

/** The CommandInfo that runs, without the message plumbing. */
export interface LaunchCommand {
  /** CommandInfo.shell (default true): run `value` with `/bin/sh -c`. */
  readonly shell: boolean;
  /** CommandInfo.value, or undefined when unset (an empty string that is set stays ""). */
  readonly value: string | undefined;
  /**
   * CommandInfo.arguments. Their meaning differs between containerizers: the Mesos
   * containerizer uses them as the whole argv (arguments[0] is argv[0]), Docker appends all of
   * them after `value` (see dockerRunArgs).
   */
  readonly arguments: readonly string[];
  /** CommandInfo.environment.variables, in message order. */
  readonly environment: readonly LaunchEnvironmentVariable[];
  /** CommandInfo.user, or undefined when unset. Mesos never passes it to `docker run`. */
  readonly user: string | undefined;
}

/** The ExecutorInfo that receives the task. */
export interface LaunchExecutor {
  /** ExecutorInfo.executor_id.value */
  readonly id: string;
  /** ExecutorInfo.name, or undefined when unset. */
  readonly name: string | undefined;
  /** The message itself (the same object as task.executor, not a copy). */
  readonly info: ExecutorInfoValid;
}

interface LaunchBase {
  readonly kind: LaunchKind;
  /**
   * True when the Docker image comes from the 2014 form `CommandInfo.container.image =
   * "docker:///<image>"` (deprecated; see migrateLegacyContainer). A legacy field holding any
   * other URI is not a Docker launch, and the launch then has `legacy: false`.
   */
  readonly legacy: boolean;
  /** The command that runs (the task's for "command"/"docker-task", else the executor's). */
  readonly command: LaunchCommand;
  /** Docker volumes, in message order; empty for launches without DockerInfo. */
  readonly volumes: readonly LaunchVolume[];
}

/** (a) The task's CommandInfo run by the Mesos CommandExecutor, no container. */
export interface CommandLaunch extends LaunchBase {
  readonly kind: "command";
  readonly legacy: false;
  readonly image?: undefined;
  readonly executor?: undefined;
}

interface DockerLaunchBase extends LaunchBase {
  /** The image reference, parsed and normalized. */
  readonly image: ImageReference;
  /** The image text exactly as `docker run` receives it (for legacy: the part after docker:///). */
  readonly rawImage: string;
  /**
   * Where the image text is in the TaskInfo, e.g. ["container", "docker", "image"] or
   * ["command", "container", "image"] (legacy).
   */
  readonly imagePath: readonly (string | number)[];
}

/** (b) The task's Docker image run as the task, with the task's CommandInfo as the command. */
export interface DockerTaskLaunch extends DockerLaunchBase {
  readonly kind: "docker-task";
  readonly executor?: undefined;
}

/** (c) The executor's Docker image run as a Mesos executor, which then receives the TaskInfo. */
export interface DockerExecutorLaunch extends DockerLaunchBase {
  readonly kind: "docker-executor";
  readonly executor: LaunchExecutor;
}

/** An ExecutorInfo without a Docker container, started by the Mesos containerizer. */
export interface CustomExecutorLaunch extends LaunchBase {
  readonly kind: "custom-executor";
  readonly legacy: false;
  readonly image?: undefined;
  readonly executor: LaunchExecutor;
}

/** How Mesos would start a TaskInfo: a discriminated union on `kind`. */
export type Launch = CommandLaunch | DockerTaskLaunch | DockerExecutorLaunch | CustomExecutorLaunch;

/** The launches that run `docker run`. */
export type DockerLaunch = DockerTaskLaunch | DockerExecutorLaunch;

/**
 * The result of resolveLaunch: `data` is the launch (with validate()'s warnings in `issues`), or
 * the issues (at least one error) that stop the task from launching.
 */
export type LaunchResult = Result<Launch>;
