// The binding table of Mesos 1.11 (package `mesos.v1`): the same concept rules as the seed's table
// (IDs, image, volume paths, resources, environment, command) bound to the v1 message types
// through their field names, plus the rules only Mesos 1.11 has (volume sources, Docker network,
// executor kinds, task groups, limits, checks, secrets). Policy differences follow Mesos 1.11:
// relative volume paths are joined under the sandbox (VolumeFields.sandboxRelative), and what
// Mesos only logs is a warning.
//
// Context flags, passed down by childFlags:
//   IMAGE_ENTRYPOINT  the command runs in an image (DOCKER, or MESOS with mesos.image)
//   GROUP             a task of a task group (TaskGroupInfo, or a TaskInfo whose executor is DEFAULT)
//   GROUP_EXECUTOR    the executor of a task group;  LAUNCH_EXECUTOR  the executor of a LAUNCH task
//   IN_DOCKER / IN_MESOS  a volume of a DOCKER / MESOS container;  VOLUME_DRIVER  docker.volume_driver
//                     is set, so a host_path is a volume name, not a path
//   LIMIT             a TaskInfo.limits value, which may be infinite
import {
  type BindingTable,
  bind,
  CLEAN_VARIABLES_MAX,
  type Collector,
  checkCommand,
  checkCommandOrExecutor,
  checkContainerWithExecutor,
  checkDockerInfoSet,
  checkDuplicateMounts,
  checkDuplicateNames,
  checkIdValue,
  checkImagePayload,
  checkImageText,
  checkScalarValue,
  checkTaskResources,
  checkUriValue,
  checkVariable,
  checkVolume,
  cleanImageText,
  cleanPayload,
  cleanShellCommand,
  cleanVariableText,
  GROUP,
  IMAGE_ENTRYPOINT,
  knownCleanId,
  knownCleanVolume,
  knownEnum,
  knownFreeMount,
  optionalEnum,
  SANDBOX_MOUNT_POINT,
  SeenKeys,
  setString,
  type VolumeFields,
  type VolumeView,
  valueBindings,
  volumeMode,
} from "../rules/index.js";
import { isSet, present } from "../schema/index.js";
import * as v1 from "../v1/index.js";
import {
  checkCheckType,
  checkDuration,
  checkDurationInfo,
  checkGroupHealthCheck,
  checkHttpCheck,
} from "./checks.js";
import {
  checkContainerUnion,
  checkDockerNetwork,
  checkDockerParameters,
  checkPortsInResources,
  NETWORK_USER,
} from "./docker-network.js";
import {
  checkExecutorKind,
  checkGroupExecutorResources,
  checkGroupExecutors,
  checkGroupExecutorType,
  checkLaunchExecutor,
  checkNoDockerInGroup,
  EXECUTOR_DEFAULT,
} from "./executor-kind.js";
import { checkLimits, checkShareCgroups } from "./limits.js";
import { checkSecret, checkVariableType, VARIABLE_VALUE } from "./secret.js";
import {
  checkDockerMount,
  checkDockerVolumeName,
  checkSandboxPath,
  checkSourceType,
  checkVolumeDrivers,
  checkVolumeKinds,
  SOURCE_DOCKER_VOLUME,
} from "./volume-source.js";

/** Context flags of the v1 table (IMAGE_ENTRYPOINT and GROUP are shared: ../rules). */
export const GROUP_EXECUTOR = 4;
export const LAUNCH_EXECUTOR = 8;
const IN_DOCKER = 16;
const IN_MESOS = 32;
const VOLUME_DRIVER = 64;
const LIMIT = 128;

const taskIds = new SeenKeys();

const V1_VOLUME: VolumeFields = {
  containerPath: "container_path",
  hostPath: "host_path",
  mode: "mode",
  sandboxRelative: true,
};
const volumeView: VolumeView = { containerPath: undefined, hostPath: undefined, mode: undefined };

/** "DOCKER", "MESOS", or undefined (no container, or a type the walk reported). */
function containerType(container: v1.ContainerInfo | undefined): "DOCKER" | "MESOS" | undefined {
  if (container === undefined) return undefined;
  const type = knownEnum(
    container,
    container.$unknown,
    "type",
    container.type,
    v1.ContainerInfo_Type.DOCKER,
    1,
    v1.ContainerInfo_TypeSchema,
  );
  return type === v1.ContainerInfo_Type.DOCKER
    ? "DOCKER"
    : type === v1.ContainerInfo_Type.MESOS
      ? "MESOS"
      : undefined;
}

// IMAGE_ENTRYPOINT when the container runs an image whose entrypoint can stand in for a
// command value.
function commandFlags(msg: { container?: v1.ContainerInfo | undefined }): number {
  const container = msg.container;
  const type = containerType(container);
  const image =
    type === "DOCKER"
      ? container?.docker !== undefined
      : type === "MESOS" && container?.mesos?.image !== undefined;
  return image ? IMAGE_ENTRYPOINT : 0;
}

function executorType(executor: v1.ExecutorInfo | undefined): number | undefined {
  return executor === undefined
    ? undefined
    : optionalEnum(executor, executor.$unknown, executor.type, 15);
}

function isGroupTask(task: v1.TaskInfo, flags: number): boolean {
  return (flags & GROUP) !== 0 || executorType(task.executor) === EXECUTOR_DEFAULT;
}

// True iff the map has a key: a for-in that stops at the first key, where Object.keys would
// build the whole key array (almost always empty) to read its length.
function hasKeys(map: object): boolean {
  for (const key in map) if (Object.hasOwn(map, key)) return true;
  return false;
}

// A v1 container path, joined under the sandbox when relative (as Mesos 1.11 mounts it).
function mountPointOf(volume: v1.Volume): string | undefined {
  return joinedMountPoint(setString(volume, "containerPath", volume.containerPath));
}

function joinedMountPoint(path: string | undefined): string | undefined {
  // charCodeAt, not startsWith: this runs for every volume of every Docker container.
  if (path === undefined || path === "" || path.charCodeAt(0) === 47) return path;
  return `${SANDBOX_MOUNT_POINT}/${path}`;
}

const variableNameOf = (v: v1.Environment_Variable): string | undefined =>
  setString(v, "name", v.name);

function checkTask(task: v1.TaskInfo, c: Collector, flags: number): void {
  const command = task.command;
  const executor = task.executor;
  const container = task.container;
  const group = isGroupTask(task, flags);
  // A task of a group runs under the group's executor: Mesos injects it, so B1 does not apply.
  if (!group) checkCommandOrExecutor(c, command !== undefined, executor !== undefined);
  checkTaskResources(c, task.resources.length);
  if (!group && container !== undefined && executor !== undefined) checkContainerWithExecutor(c);
  checkDurationInfo(
    c,
    task.maxCompletionTime,
    "Task's `max_completion_time`",
    "max_completion_time",
  );
  const limits = task.limits;
  const hasLimits = hasKeys(limits);
  if (hasLimits) checkLimits(c, limits, task.resources);
  checkShareCgroups(c, group ? "group" : "launch", container, hasLimits);
  const type = containerType(container);
  if (group && type === "DOCKER") checkNoDockerInGroup(c, false);
  const health = task.healthCheck;
  if (group && health !== undefined && container !== undefined) {
    checkGroupHealthCheck(c, container, health);
  }
  const mappings = container?.docker?.portMappings;
  if (!group && executor === undefined && type === "DOCKER" && mappings && mappings.length > 0) {
    checkPortsInResources(c, mappings, task.resources);
  }
}

function checkExecutor(executor: v1.ExecutorInfo, c: Collector, flags: number): void {
  const type = executorType(executor);
  const container = executor.container;
  const cType = containerType(container);
  const command = executor.command !== undefined;
  checkExecutorKind(c, type, command, cType, container?.mesos?.image !== undefined);
  checkDurationInfo(
    c,
    executor.shutdownGracePeriod,
    "ExecutorInfo's 'shutdown_grace_period'",
    "shutdown_grace_period",
  );
  checkShareCgroups(c, "executor", container, false);
  if ((flags & LAUNCH_EXECUTOR) !== 0) {
    checkLaunchExecutor(c, isSet(executor, "type"), type, command);
  }
  if ((flags & GROUP_EXECUTOR) !== 0) {
    checkGroupExecutorType(c, type);
    if (cType === "DOCKER" && type !== EXECUTOR_DEFAULT) checkNoDockerInGroup(c, true);
    checkGroupExecutorResources(c, executor.resources);
  }
}

function checkContainer(container: v1.ContainerInfo, c: Collector): void {
  const type = containerType(container);
  if (type === "MESOS") {
    if (container.docker !== undefined) checkContainerUnion(c, "MESOS", "docker");
    return;
  }
  if (type !== "DOCKER") return;
  const docker = container.docker;
  checkDockerInfoSet(c, true, docker !== undefined);
  if (container.mesos !== undefined) checkContainerUnion(c, "DOCKER", "mesos");
  const volumes = container.volumes;
  checkDuplicateMounts(c, volumes, mountPointOf, "volumes", V1_VOLUME);
  if (docker === undefined) return;
  checkDockerNetwork(c, container, docker);
  if (volumes.length > 0) {
    checkVolumeDrivers(c, volumes, setString(docker, "volumeDriver", docker.volumeDriver));
  }
}

function volumeFlags(container: v1.ContainerInfo): number {
  const type = containerType(container);
  if (type === "MESOS") return IN_MESOS;
  if (type !== "DOCKER") return 0;
  const driver = container.docker?.volumeDriver;
  return IN_DOCKER | (driver !== undefined && driver !== "" ? VOLUME_DRIVER : 0);
}

function checkV1Volume(v: v1.Volume, c: Collector, flags: number): void {
  const hostPath = setString(v, "hostPath", v.hostPath);
  const source = v.source;
  checkVolumeKinds(c, hostPath !== undefined, v.image !== undefined, source !== undefined);
  // The docker -v rules: not for a MESOS container, whose isolators mount without docker.
  if ((flags & IN_MESOS) === 0) {
    const mode = knownEnum(
      v,
      v.$unknown,
      "mode",
      v.mode,
      v1.Volume_Mode.RW,
      3,
      v1.Volume_ModeSchema,
    );
    volumeView.containerPath = setString(v, "containerPath", v.containerPath);
    volumeView.hostPath = (flags & VOLUME_DRIVER) === 0 ? hostPath : undefined;
    volumeView.mode = volumeMode(mode);
    checkVolume(c, volumeView, V1_VOLUME);
  }
  if ((flags & IN_DOCKER) !== 0 && hostPath === undefined) checkDockerMount(c, v);
}

// The fast verdict on a command and everything below it (Binding.clean): the seed's criteria
// (src/rules/mesos.ts, which says why each table spells its own) with VALUE variables only (no
// unknown enum parked, no secret, a value set). Anything else: walk.
function cleanCommand(command: v1.CommandInfo): boolean {
  if (!cleanShellCommand(command.shell !== false, command.value, command.arguments.length)) {
    return false;
  }
  const uris = command.uris;
  for (let i = 0; i < uris.length; i++) {
    if ((uris[i] as v1.CommandInfo_URI).value === "") return false;
  }
  const variables = command.environment?.variables;
  if (variables === undefined) return true;
  const n = variables.length;
  if (n > CLEAN_VARIABLES_MAX) return false;
  for (let i = 0; i < n; i++) {
    const v = variables[i] as v1.Environment_Variable;
    const name = v.name;
    const value = v.value;
    if (v.$unknown !== undefined || v.type !== VARIABLE_VALUE || v.secret !== undefined) {
      return false;
    }
    if (!present(v, "value", value, "") || !cleanVariableText(name, value)) return false;
    for (let j = 0; j < i; j++) {
      if ((variables[j] as v1.Environment_Variable).name === name) return false;
    }
  }
  return true;
}

// The fast verdict on a v1 container and everything below it (Binding.clean), for the common
// Docker shape only: type DOCKER with a DockerInfo whose image passes the image rules, no
// MESOS info, hostname, network_infos, port mappings, USER network or parameter "name" (so
// checkContainer's union and network rules and the DockerInfo rules report nothing), no volume
// driver anywhere (no driver conflict; host paths are paths), and volumes that are each a host
// path, or a DOCKER_VOLUME source with a name and nothing else (so the kind, source and Docker
// rules report nothing), with values the volume rules found clean before at the same index and
// the mount points of the last list found free. No parked unknown enum anywhere it reads.
// Anything else is walked: the issues then come from the rules alone.
// It reads the type's value, not its presence: an unset type (which reads DOCKER) runs a subset
// of the DOCKER rules on the same values (no container, network or Docker volume rules), so
// clean as DOCKER is clean unset too. Presence tests (an own-property lookup) are the costly
// part of this verdict: only hostname and an empty host_path need one.
function cleanContainer(container: v1.ContainerInfo): boolean {
  const docker = container.docker;
  if (
    docker === undefined ||
    container.$unknown !== undefined ||
    container.type !== v1.ContainerInfo_Type.DOCKER ||
    container.mesos !== undefined ||
    container.networkInfos.length !== 0 ||
    present(container, "hostname", container.hostname, "") ||
    container.linuxInfo !== undefined ||
    container.rlimitInfo !== undefined ||
    container.ttyInfo !== undefined ||
    docker.$unknown !== undefined ||
    docker.network === NETWORK_USER ||
    docker.portMappings.length !== 0 ||
    docker.volumeDriver !== "" ||
    !cleanImageText(docker.image)
  ) {
    return false;
  }
  const parameters = docker.parameters;
  for (let i = 0; i < parameters.length; i++) {
    if ((parameters[i] as v1.Parameter).key === "name") return false;
  }
  const volumes = container.volumes;
  const n = volumes.length;
  for (let i = 0; i < n; i++) {
    const v = volumes[i] as v1.Volume;
    if (v.$unknown !== undefined || v.image !== undefined) return false;
    const hostPath = setString(v, "hostPath", v.hostPath);
    const source = v.source;
    if (hostPath === undefined ? !cleanDockerVolume(source) : source !== undefined) return false;
    // No mode: the volume rules never read it under the v1 policy (knownCleanVolume).
    const path = setString(v, "containerPath", v.containerPath);
    if (!knownCleanVolume(i, V1_VOLUME, path, hostPath, undefined)) return false;
    // The mount points: as knownFreeMounts(volumes, mountPointOf, V1_VOLUME), in this loop.
    if (n >= 2 && !knownFreeMount(i, n, V1_VOLUME, joinedMountPoint(path))) return false;
  }
  return true;
}

// A DOCKER_VOLUME source with a non-empty name, no driver and no other payload: the source,
// docker volume, driver and Docker rules report nothing on it.
function cleanDockerVolume(source: v1.Volume_Source | undefined): boolean {
  if (
    source === undefined ||
    source.$unknown !== undefined ||
    source.type !== SOURCE_DOCKER_VOLUME ||
    source.sandboxPath !== undefined ||
    source.secret !== undefined ||
    source.hostPath !== undefined ||
    source.csiVolume !== undefined
  ) {
    return false;
  }
  const d = source.dockerVolume;
  return d !== undefined && d.$unknown === undefined && d.name !== "" && d.driver === "";
}

// The fast verdict on a resource (Binding.clean): the usual one (a named scalar, a range or two,
// a short set, nothing reserved, shared, revocable or on a disk) without the walk.
function cleanResource(r: v1.Resource): boolean {
  return (
    r.$unknown === undefined &&
    r.providerId === undefined &&
    r.allocationInfo === undefined &&
    r.reservation === undefined &&
    r.reservations.length === 0 &&
    r.disk === undefined &&
    r.revocable === undefined &&
    r.shared === undefined &&
    cleanPayload(r.name, r.type, r.scalar?.value, r.ranges?.range, r.set?.item)
  );
}

// The fast verdict on a whole task (Binding.clean), for the common LAUNCH shapes only: a command
// task or a Docker task (a command, no executor, not in a group), IDs the ID rules found clean
// lately, resources, command and container each clean by their own verdicts, and nothing else
// that has rules (health check, check, kill policy, max_completion_time, limits). Then checkTask
// reports nothing: command without executor, resources not empty, no limits, and a clean
// container has no linux_info (share_cgroups unset) and no port mappings. A fresh message from
// the decoder then needs no walk at all (validate.ts asks this first). Anything else: walk.
function cleanTask(task: v1.TaskInfo, flags: number): boolean {
  const command = task.command;
  const taskId = task.taskId;
  const agentId = task.agentId;
  if (
    (flags & GROUP) !== 0 ||
    command === undefined ||
    task.executor !== undefined ||
    task.healthCheck !== undefined ||
    task.check !== undefined ||
    task.killPolicy !== undefined ||
    task.maxCompletionTime !== undefined ||
    taskId === undefined ||
    agentId === undefined ||
    !knownCleanId(taskId.value) ||
    !knownCleanId(agentId.value) ||
    hasKeys(task.limits)
  ) {
    return false;
  }
  const resources = task.resources;
  const n = resources.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (!cleanResource(resources[i] as v1.Resource)) return false;
  const container = task.container;
  return cleanCommand(command) && (container === undefined || cleanContainer(container));
}

/** The rules of Mesos 1.11 (mesos.v1), by message type. */
export const MESOS_V1_RULES: BindingTable = new Map([
  // One function per ID type, as in the seed's table: each `value` load site sees one shape.
  bind(v1.FrameworkIDSchema, { check: (id, c) => checkIdValue(id, id.value, id.$typeName, c) }),
  bind(v1.OfferIDSchema, { check: (id, c) => checkIdValue(id, id.value, id.$typeName, c) }),
  bind(v1.AgentIDSchema, { check: (id, c) => checkIdValue(id, id.value, id.$typeName, c) }),
  bind(v1.TaskIDSchema, { check: (id, c) => checkIdValue(id, id.value, id.$typeName, c) }),
  bind(v1.ExecutorIDSchema, { check: (id, c) => checkIdValue(id, id.value, id.$typeName, c) }),
  bind(v1.TaskInfoSchema, {
    clean: cleanTask,
    check: checkTask,
    childFlags: {
      command: commandFlags,
      executor: (task, flags) => (isGroupTask(task, flags) ? GROUP_EXECUTOR : LAUNCH_EXECUTOR),
      limits: () => LIMIT,
    },
  }),
  bind(v1.TaskGroupInfoSchema, {
    check(group, c) {
      checkTaskIds(c, group.tasks);
    },
    childFlags: { tasks: () => GROUP },
  }),
  bind(v1.Offer_Operation_LaunchGroupSchema, {
    check: checkGroupExecutors,
    childFlags: { executor: () => GROUP_EXECUTOR },
  }),
  bind(v1.ExecutorInfoSchema, {
    check: checkExecutor,
    childFlags: { command: commandFlags },
  }),
  bind(v1.CommandInfoSchema, {
    clean: cleanCommand,
    check(command, c, flags) {
      checkCommand(
        c,
        command.shell !== false,
        setString(command, "value", command.value),
        command.arguments,
        (flags & IMAGE_ENTRYPOINT) !== 0,
        false,
      );
    },
  }),
  bind(v1.CommandInfo_URISchema, {
    check(uri, c) {
      if (present(uri, "value", uri.value, "")) checkUriValue(c, uri.value);
    },
  }),
  bind(v1.EnvironmentSchema, {
    check(env, c) {
      checkDuplicateNames(c, env.variables, variableNameOf, "variables");
    },
  }),
  bind(v1.Environment_VariableSchema, {
    check(v, c) {
      const name = setString(v, "name", v.name);
      const value = setString(v, "value", v.value);
      checkVariable(c, name, value);
      checkVariableType(c, v, name ?? "", value !== undefined);
    },
  }),
  bind(v1.SecretSchema, { check: checkSecret }),
  bind(v1.ContainerInfoSchema, {
    clean: cleanContainer,
    check: checkContainer,
    childFlags: { volumes: volumeFlags },
  }),
  bind(v1.ContainerInfo_DockerInfoSchema, {
    check(docker, c) {
      const image = docker.image;
      if (present(docker, "image", image, "")) checkImageText(c, image, "image", false);
      const parameters = docker.parameters;
      if (parameters.length > 0) checkDockerParameters(c, parameters);
    },
  }),
  bind(v1.ImageSchema, {
    check(image, c) {
      const type = knownEnum(
        image,
        image.$unknown,
        "type",
        image.type,
        v1.Image_Type.APPC,
        1,
        v1.Image_TypeSchema,
      );
      checkImagePayload(c, type, image.docker !== undefined, image.appc?.name);
    },
  }),
  bind(v1.Image_DockerSchema, {
    check(docker, c) {
      const name = docker.name;
      if (present(docker, "name", name, "")) checkImageText(c, name, "name", false);
    },
  }),
  bind(v1.VolumeSchema, { check: checkV1Volume }),
  bind(v1.Volume_SourceSchema, { check: checkSourceType }),
  bind(v1.Volume_Source_SandboxPathSchema, { check: checkSandboxPath }),
  bind(v1.Volume_Source_DockerVolumeSchema, { check: checkDockerVolumeName }),
  bind(v1.HealthCheckSchema, {
    check(h, c) {
      checkCheckType(c, "health check", optionalEnum(h, h.$unknown, h.type, 8), h);
      checkDuration(c, h.delaySeconds, "HealthCheck's 'delay_seconds'", "delay_seconds");
      checkDuration(c, h.intervalSeconds, "HealthCheck's 'interval_seconds'", "interval_seconds");
      checkDuration(c, h.timeoutSeconds, "HealthCheck's 'timeout_seconds'", "timeout_seconds");
      checkDuration(
        c,
        h.gracePeriodSeconds,
        "HealthCheck's 'grace_period_seconds'",
        "grace_period_seconds",
      );
    },
  }),
  bind(v1.HealthCheck_HTTPCheckInfoSchema, { check: checkHttpCheck }),
  bind(v1.CheckInfoSchema, {
    check(k, c) {
      checkCheckType(c, "check", optionalEnum(k, k.$unknown, k.type, 1), k);
      checkDuration(c, k.delaySeconds, "CheckInfo's 'delay_seconds'", "delay_seconds");
      checkDuration(c, k.intervalSeconds, "CheckInfo's 'interval_seconds'", "interval_seconds");
      checkDuration(c, k.timeoutSeconds, "CheckInfo's 'timeout_seconds'", "timeout_seconds");
    },
  }),
  bind(v1.CheckInfo_HttpSchema, { check: checkHttpCheck }),
  bind(v1.KillPolicySchema, {
    check(k, c) {
      checkDurationInfo(c, k.gracePeriod, "Task's 'kill_policy.grace_period'", "grace_period");
    },
  }),
  bind(v1.Value_ScalarSchema, {
    check(s, c, flags) {
      const value = s.value;
      // A limit may be infinite: "no limit" (Mesos 1.11 TaskInfo.limits).
      if ((flags & LIMIT) !== 0 && value === Number.POSITIVE_INFINITY) return;
      if (present(s, "value", value, 0)) checkScalarValue(c, value);
    },
  }),
  ...valueBindings(
    {
      resource: v1.ResourceSchema,
      attribute: v1.AttributeSchema,
      value: v1.ValueSchema,
      ranges: v1.Value_RangesSchema,
      range: v1.Value_RangeSchema,
      set: v1.Value_SetSchema,
      valueType: v1.Value_TypeSchema,
    },
    cleanResource,
  ),
]);

// No task ID twice in one group (Mesos 1.11: 'Task has duplicate ID'); at tasks[i].task_id.value.
function checkTaskIds(c: Collector, tasks: readonly v1.TaskInfo[]): void {
  if (tasks.length < 2) return;
  taskIds.reset();
  for (let i = 0; i < tasks.length; i++) {
    const id = tasks[i]?.taskId;
    const value = id === undefined ? undefined : setString(id, "value", id.value);
    const earlier = taskIds.add(value);
    if (earlier < 0) continue;
    c.report(
      "task_id_duplicate",
      `task_id ${JSON.stringify(value)} is already used by tasks[${earlier}]; Mesos 1.11 rejects the group ("Task has duplicate ID"): give every task of the group its own ID`,
      "tasks",
      i,
      "task_id",
      "value",
    );
  }
  taskIds.reset();
}
