// The types of the launch layer: what resolveLaunch tells a caller about how Mesos would start a
// TaskInfo. Each variant carries everything a caller needs (image, volumes, command, executor)
// so nobody has to dig through the message again.
import type { Result } from "../problems/index.js";
import type { ImageReference } from "../rules/index.js";
import type { ExecutorInfoValid } from "../schema/index.js";
import type { ExecutorInfoValid as V1ExecutorInfoValid } from "../v1/index.js";

/**
 * The ways Mesos can start a TaskInfo (Mesos 1.11.0 src/slave/slave.cpp): the four of the seed
 * schema, plus, for Mesos 1.11 (mesos.v1) tasks, "mesos-task" (a command task in a MESOS
 * container: the Mesos containerizer, with or without an image) and "default-executor" (a task
 * whose executor is DEFAULT, as in LAUNCH_GROUP: Mesos's default executor runs the task's command
 * in a nested container).
 */
export type LaunchKind =
  | "command"
  | "docker-task"
  | "docker-executor"
  | "custom-executor"
  | "mesos-task"
  | "default-executor";

/** The kinds a seed (`mesos`) TaskInfo can resolve to: the seed has no MESOS container or DEFAULT executor. */
export type SeedLaunchKind = "command" | "docker-task" | "docker-executor" | "custom-executor";

/** Which schema the task came from: the seed (`mesos`) or Mesos 1.11 (`mesos.v1`). */
export type LaunchSchema = "seed" | "v1";

/**
 * Where a Mesos 1.11 volume comes from: `host_path` (a bind mount), `image` (an image volume), or
 * the Volume.Source type.
 */
export type LaunchVolumeSource =
  | "host_path"
  | "image"
  | "DOCKER_VOLUME"
  | "SANDBOX_PATH"
  | "SECRET"
  | "HOST_PATH"
  | "CSI_VOLUME"
  | "UNKNOWN";

/** A volume in the form `docker run -v` (or the Mesos containerizer) needs it. */
export interface LaunchVolume {
  /**
   * The mount point inside the container (seed Volume.container_dir, v1 Volume.container_path,
   * as written: a relative v1 path is joined under the sandbox mount point when mounted).
   */
  readonly containerDir: string;
  /** The host directory (seed host_dir, v1 host_path); absent for an anonymous volume or a source. */
  readonly hostDir?: string;
  /** Volume.mode as Docker writes it. */
  readonly mode: "rw" | "ro";
  /** True when a seed volume has no host_dir: Docker creates an anonymous volume (`-v <container_dir>`). */
  readonly anonymous: boolean;
  /** v1 only: where the volume comes from. */
  readonly source?: LaunchVolumeSource;
  /** v1 DOCKER_VOLUME: the Docker volume's name. */
  readonly volumeName?: string;
  /** v1 DOCKER_VOLUME: its driver, when set. */
  readonly driver?: string;
  /** v1 SANDBOX_PATH / HOST_PATH source: its path. */
  readonly sourcePath?: string;
}

/** One environment variable of CommandInfo.environment. */
export interface LaunchEnvironmentVariable {
  readonly name: string;
  /** The value ("" for a v1 SECRET variable, which has no value: the agent resolves the secret). */
  readonly value: string;
  /** v1 only: true for a variable of type SECRET. */
  readonly secret?: boolean;
}

/** A v1 DockerInfo port mapping. */
export interface LaunchPortMapping {
  readonly hostPort: number;
  readonly containerPort: number;
  /** The protocol as written (docker run lower-cases it), when set. */
  readonly protocol?: string;
}

/** The v1 DockerInfo settings `docker run` reads besides the image and volumes. */
export interface LaunchDockerSettings {
  /** DockerInfo.network (HOST when unset), as `--net` writes it, and a USER network's name. */
  readonly network: "host" | "bridge" | "none" | "user";
  /** For network "user": network_infos[0].name, the `--net` value. */
  readonly networkName?: string;
  readonly portMappings: readonly LaunchPortMapping[];
  readonly privileged: boolean;
  readonly forcePullImage: boolean;
  /** DockerInfo.parameters, in order (each becomes `--key=value`). */
  readonly parameters: readonly { readonly key: string; readonly value: string }[];
  /** ContainerInfo.hostname, when set. */
  readonly hostname?: string;
  /** The one volume driver (DockerInfo.volume_driver or the docker volumes' driver), when any. */
  readonly volumeDriver?: string;
  /**
   * True when DockerInfo.volume_driver itself is set: a relative host_path is then a volume
   * name, not a path under the sandbox.
   */
  readonly volumeDriverDeclared: boolean;
}

/** The image of a MESOS container (ContainerInfo.mesos.image): Docker or Appc, by name. */
export interface LaunchMesosImage {
  readonly type: "DOCKER" | "APPC";
  readonly name: string;
  /** For a Docker image: the reference, parsed and normalized. */
  readonly reference?: ImageReference;
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
  readonly info: ExecutorInfoValid | V1ExecutorInfoValid;
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
  /**
   * The container's volumes, in message order: the seed DockerInfo's, or the v1 ContainerInfo's
   * (every source kind); empty without a container.
   */
  readonly volumes: readonly LaunchVolume[];
  /** "v1" for a Mesos 1.11 task; absent (the seed) otherwise. */
  readonly schema?: LaunchSchema;
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
  /** v1 only: network, port mappings, privileged, parameters, hostname, volume driver. */
  readonly docker?: LaunchDockerSettings;
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
  /** v1: the executor container's image (MESOS with mesos.image), when set. */
  readonly mesosImage?: LaunchMesosImage;
}

/**
 * (a) in a MESOS container (v1): the task's CommandInfo run by the Mesos CommandExecutor under
 * the Mesos containerizer, inside `mesosImage`'s root filesystem when set.
 */
export interface MesosTaskLaunch extends LaunchBase {
  readonly kind: "mesos-task";
  readonly legacy: false;
  readonly image?: undefined;
  readonly executor?: undefined;
  readonly mesosImage?: LaunchMesosImage;
  /** ContainerInfo.network_infos names (CNI networks); empty for the host network. */
  readonly networks: readonly string[];
}

/**
 * A task run by Mesos's DEFAULT executor (v1, as in LAUNCH_GROUP): the Mesos containerizer starts
 * the executor, which runs the task's command in a nested container (in `mesosImage` when set).
 */
export interface DefaultExecutorLaunch extends LaunchBase {
  readonly kind: "default-executor";
  readonly legacy: false;
  readonly image?: undefined;
  readonly executor: LaunchExecutor;
  /** The task container's image (MESOS with mesos.image), when set. */
  readonly mesosImage?: LaunchMesosImage;
  /** The task container's network_infos names. */
  readonly networks: readonly string[];
}

/** How Mesos would start a TaskInfo: a discriminated union on `kind`. */
export type Launch =
  | CommandLaunch
  | DockerTaskLaunch
  | DockerExecutorLaunch
  | CustomExecutorLaunch
  | MesosTaskLaunch
  | DefaultExecutorLaunch;

/** The launches that run `docker run`. */
export type DockerLaunch = DockerTaskLaunch | DockerExecutorLaunch;

/**
 * The result of resolveLaunch: `data` is the launch (with validate()'s warnings in `issues`), or
 * the issues (at least one error) that stop the task from launching.
 */
export type LaunchResult = Result<Launch>;
