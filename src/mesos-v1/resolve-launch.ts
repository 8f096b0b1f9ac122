// resolveLaunch for Mesos 1.11 (mesos.v1) tasks: which path the 1.11 agent takes (Mesos 1.11.0
// src/slave/slave.cpp, src/slave/containerizer/docker.cpp and mesos/containerizer.cpp).
//
// As for the seed, validate(TaskInfoSchema, task) decides whether the task can launch; this file
// only classifies a task validate() accepted:
//   executor set:   executor.type DEFAULT                 -> "default-executor" (a task-group task)
//                   executor.container DOCKER              -> "docker-executor"
//                   otherwise (none, or MESOS)             -> "custom-executor"
//   command set:    task.container DOCKER                  -> "docker-task"
//                   task.container MESOS                   -> "mesos-task"
//                   no container                           -> "command"

import {
  EXECUTOR_IMAGE,
  imageMismatch,
  type LaunchCommand,
  type LaunchDockerSettings,
  type LaunchEnvironmentVariable,
  type LaunchExecutor,
  type LaunchMesosImage,
  type LaunchResult,
  type LaunchVolume,
  type LaunchVolumeSource,
  NO_COMMAND,
  NO_VARIABLES,
  NO_VOLUMES,
  summarizeExecutor,
  TASK_IMAGE,
} from "../launch/index.js";
import { type Issue, succeed } from "../problems/index.js";
import { cachedImageReference } from "../rules/index.js";
import { isSet, present } from "../schema/index.js";
import * as v1 from "../v1/index.js";
import type { validate } from "../validation/index.js";

const NO_NETWORKS: readonly string[] = Object.freeze([]);
const NO_PORT_MAPPINGS: LaunchDockerSettings["portMappings"] = Object.freeze([]);
const NO_PARAMETERS: LaunchDockerSettings["parameters"] = Object.freeze([]);
const NETWORKS = ["host", "host", "bridge", "none", "user"] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
// A Volume.Source.Type number → its name, by the generated enum's reverse mapping (the type
// check below keeps LaunchVolumeSource in step with the enum).
function sourceName(type: v1.Volume_Source_Type): LaunchVolumeSource {
  const name: LaunchVolumeSource | undefined = v1.Volume_Source_Type[type] as
    | keyof typeof v1.Volume_Source_Type
    | undefined;
  return name ?? "UNKNOWN";
}

/** resolveLaunch for a mesos.v1 TaskInfo, judged by `check` (validate, or validateDecoded). */
export function resolveV1Launch(task: v1.TaskInfo, check: typeof validate): LaunchResult {
  const verdict = check(v1.TaskInfoSchema, task);
  if (!verdict.success) return verdict;
  const valid = verdict.data;
  const issues = verdict.issues;
  const executor = valid.executor;
  if (executor !== undefined) {
    const info = summarizeExecutor(executor);
    if (executor.type === v1.ExecutorInfo_Type.DEFAULT) {
      return succeed(
        {
          kind: "default-executor",
          schema: "v1",
          legacy: false,
          command: summarizeCommand(valid.command),
          volumes: summarizeVolumes(valid.container),
          executor: info,
          ...mesosImageOf(valid.container),
          networks: networksOf(valid.container),
        },
        issues,
      );
    }
    const command = summarizeCommand(executor.command);
    const container = executor.container;
    if (container?.type === v1.ContainerInfo_Type.DOCKER && container.docker !== undefined) {
      return dockerLaunch(issues, container, EXECUTOR_IMAGE, command, info);
    }
    return succeed(
      {
        kind: "custom-executor",
        schema: "v1",
        legacy: false,
        command,
        volumes: summarizeVolumes(container),
        executor: info,
        ...mesosImageOf(container),
      },
      issues,
    );
  }
  const command = summarizeCommand(valid.command);
  const container = valid.container;
  if (container?.type === v1.ContainerInfo_Type.DOCKER && container.docker !== undefined) {
    return dockerLaunch(issues, container, TASK_IMAGE, command, undefined);
  }
  if (container?.type === v1.ContainerInfo_Type.MESOS) {
    return succeed(
      {
        kind: "mesos-task",
        schema: "v1",
        legacy: false,
        command,
        volumes: summarizeVolumes(container),
        ...mesosImageOf(container),
        networks: networksOf(container),
      },
      issues,
    );
  }
  return succeed(
    { kind: "command", schema: "v1", legacy: false, command, volumes: NO_VOLUMES },
    issues,
  );
}

function dockerLaunch(
  issues: Issue[],
  container: v1.ContainerInfo,
  imagePath: readonly string[],
  command: LaunchCommand,
  executor: LaunchExecutor | undefined,
): LaunchResult {
  const docker = container.docker as v1.ContainerInfo_DockerInfo;
  const rawImage = docker.image;
  const parsed = cachedImageReference(rawImage);
  if (!parsed.success) return imageMismatch(issues, rawImage, imagePath, parsed.error.message);
  const image = parsed.reference;
  const volumes = summarizeVolumes(container);
  const settings = dockerSettings(container, docker, volumes);
  return succeed(
    executor === undefined
      ? {
          kind: "docker-task",
          schema: "v1",
          legacy: false,
          image,
          rawImage,
          imagePath,
          command,
          volumes,
          docker: settings,
        }
      : {
          kind: "docker-executor",
          schema: "v1",
          legacy: false,
          image,
          rawImage,
          imagePath,
          command,
          volumes,
          executor,
          docker: settings,
        },
    issues,
  );
}

function dockerSettings(
  container: v1.ContainerInfo,
  docker: v1.ContainerInfo_DockerInfo,
  volumes: readonly LaunchVolume[],
): LaunchDockerSettings {
  const network = NETWORKS[docker.network] ?? "host";
  const hostname = container.hostname;
  const declared = docker.volumeDriver;
  const volumeDriverDeclared = present(docker, "volumeDriver", declared, "");
  const driver = volumeDriverDeclared ? declared : firstDriver(volumes);
  const mappings = docker.portMappings;
  const portMappings =
    mappings.length === 0
      ? NO_PORT_MAPPINGS
      : mappings.map((m) =>
          isSet(m, "protocol")
            ? { hostPort: m.hostPort, containerPort: m.containerPort, protocol: m.protocol }
            : { hostPort: m.hostPort, containerPort: m.containerPort },
        );
  const parameters =
    docker.parameters.length === 0
      ? NO_PARAMETERS
      : docker.parameters.map((p) => ({ key: p.key, value: p.value }));
  const hasHostname = present(container, "hostname", hostname, "");
  // The usual settings (no user network, hostname or driver) as one literal: it gets its final
  // shape at once, where each field added later grows the object's out-of-line property store.
  if (network !== "user" && !hasHostname && driver === undefined) {
    return {
      network,
      portMappings,
      privileged: docker.privileged,
      forcePullImage: docker.forcePullImage,
      parameters,
      volumeDriverDeclared,
    };
  }
  // Otherwise field by field (no conditional spreads: each clones an object), the keys in the
  // same order as the literal's.
  const settings: Mutable<LaunchDockerSettings> = { network } as Mutable<LaunchDockerSettings>;
  if (network === "user") settings.networkName = container.networkInfos[0]?.name ?? "";
  settings.portMappings = portMappings;
  settings.privileged = docker.privileged;
  settings.forcePullImage = docker.forcePullImage;
  settings.parameters = parameters;
  if (hasHostname) settings.hostname = hostname;
  if (driver !== undefined) settings.volumeDriver = driver;
  settings.volumeDriverDeclared = volumeDriverDeclared;
  return settings;
}

// The driver of the first volume that names one (a loop: no closure per Docker launch).
function firstDriver(volumes: readonly LaunchVolume[]): string | undefined {
  for (let i = 0; i < volumes.length; i++) {
    const driver = (volumes[i] as LaunchVolume).driver;
    if (driver !== undefined) return driver;
  }
  return undefined;
}

function mesosImageOf(container: v1.ContainerInfo | undefined): { mesosImage?: LaunchMesosImage } {
  const image = container?.mesos?.image;
  if (image === undefined) return {};
  if (image.type === v1.Image_Type.DOCKER && image.docker !== undefined) {
    const name = image.docker.name;
    const parsed = cachedImageReference(name);
    return {
      mesosImage: parsed.success
        ? { type: "DOCKER", name, reference: parsed.reference }
        : { type: "DOCKER", name },
    };
  }
  return { mesosImage: { type: "APPC", name: image.appc?.name ?? "" } };
}

function networksOf(container: v1.ContainerInfo | undefined): readonly string[] {
  const infos = container?.networkInfos;
  if (infos === undefined || infos.length === 0) return NO_NETWORKS;
  return infos.map((n) => n.name);
}

function summarizeCommand(command: v1.CommandInfo | undefined): LaunchCommand {
  if (command === undefined) return NO_COMMAND;
  const value = command.value;
  const user = command.user;
  const variables = command.environment?.variables;
  return {
    shell: command.shell,
    value: present(command, "value", value, "") ? value : undefined,
    arguments: command.arguments,
    environment:
      variables === undefined || variables.length === 0
        ? NO_VARIABLES
        : summarizeVariables(variables),
    user: present(command, "user", user, "") ? user : undefined,
  };
}

// Loops, not map callbacks: a preallocated array and no closure per launch.
function summarizeVariables(
  variables: readonly v1.Environment_Variable[],
): LaunchEnvironmentVariable[] {
  const n = variables.length;
  const out: LaunchEnvironmentVariable[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = variables[i] as v1.Environment_Variable;
    out[i] =
      v.type === v1.Environment_Variable_Type.SECRET
        ? { name: v.name, value: v.value, secret: true }
        : { name: v.name, value: v.value };
  }
  return out;
}

function summarizeVolumes(container: v1.ContainerInfo | undefined): readonly LaunchVolume[] {
  const list = container?.volumes;
  if (list === undefined || list.length === 0) return NO_VOLUMES;
  const n = list.length;
  const volumes: LaunchVolume[] = new Array(n);
  for (let i = 0; i < n; i++) volumes[i] = summarizeVolume(list[i] as v1.Volume);
  return volumes;
}

function summarizeVolume(volume: v1.Volume): LaunchVolume {
  const containerDir = volume.containerPath;
  const mode = volume.mode === v1.Volume_Mode.RO ? "ro" : "rw";
  const hostDir = volume.hostPath;
  if (present(volume, "hostPath", hostDir, "")) {
    return { containerDir, hostDir, mode, anonymous: false, source: "host_path" };
  }
  const source = volume.source;
  if (source === undefined) return { containerDir, mode, anonymous: false, source: "image" };
  const kind = sourceName(source.type);
  const docker = source.dockerVolume;
  if (kind === "DOCKER_VOLUME" && docker !== undefined) {
    // Literals with their final shape (a field added later grows an out-of-line store).
    const volumeName = docker.name;
    const driver = docker.driver;
    return present(docker, "driver", driver, "")
      ? { containerDir, mode, anonymous: false, source: kind, volumeName, driver }
      : { containerDir, mode, anonymous: false, source: kind, volumeName };
  }
  // Field by field, in the order the spreads gave (no object cloned per volume).
  const out: Mutable<LaunchVolume> = { containerDir, mode, anonymous: false, source: kind };
  const path = source.sandboxPath?.path ?? source.hostPath?.path;
  if (path !== undefined) out.sourcePath = path;
  return out;
}
