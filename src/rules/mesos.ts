// The binding table of the seed schema (package `mesos`): which concept rules run on which
// message type, and how each message's fields map onto the rules' views. Everything structural
// (required fields, closed enums, recursion, unpaired surrogates) comes from the descriptor; this
// table holds only what the descriptor cannot say. A second schema (Mesos 1.11, `mesos.v1`)
// gets a table of its own that calls the same rule functions.
import {
  AttributeSchema,
  type CommandInfo,
  CommandInfo_ContainerInfoSchema,
  type CommandInfo_URI,
  CommandInfo_URISchema,
  CommandInfoSchema,
  type ContainerInfo,
  ContainerInfo_DockerInfo_VolumeSchema,
  ContainerInfo_DockerInfoSchema,
  ContainerInfo_Type,
  ContainerInfo_TypeSchema,
  ContainerInfoSchema,
  type ContainerInfo_DockerInfo_Volume as DockerVolume,
  Environment_VariableSchema,
  EnvironmentSchema,
  type Environment_Variable as EnvVariable,
  ExecutorIDSchema,
  ExecutorInfoSchema,
  FrameworkIDSchema,
  OfferIDSchema,
  present,
  type Resource,
  ResourceSchema,
  SlaveIDSchema,
  TaskIDSchema,
  type TaskInfo,
  TaskInfoSchema,
  Value_RangeSchema,
  Value_RangesSchema,
  Value_ScalarSchema,
  Value_SetSchema,
  Value_TypeSchema,
  ValueSchema,
  ContainerInfo_DockerInfo_Volume_Mode as VolumeMode,
  ContainerInfo_DockerInfo_Volume_ModeSchema as VolumeModeSchema,
} from "../schema/index.js";
import type { Collector } from "./collector.js";
import {
  CLEAN_VARIABLES_MAX,
  checkCommand,
  checkUriValue,
  cleanShellCommand,
  IMAGE_ENTRYPOINT,
} from "./command.js";
import { knownEnum, setString } from "./enum-value.js";
import { checkDuplicateNames, checkVariable, cleanVariableText } from "./environment.js";
import { checkIdValue, knownCleanId } from "./ids.js";
import { checkImageText, cleanImageText } from "./image.js";
import {
  checkCommandOrExecutor,
  checkContainerWithExecutor,
  checkDockerInfoSet,
  checkExecutorCommand,
  checkTaskResources,
} from "./launch-consistency.js";
import { checkLegacyBeside, checkLegacyImage, legacyDockerImage } from "./legacy-container.js";
import { checkScalarValue, cleanPayload } from "./resources.js";
import { type BindingTable, bind } from "./rule.js";
import { valueBindings } from "./value-rules.js";
import {
  checkDuplicateMounts,
  checkVolume,
  knownCleanVolume,
  knownFreeMounts,
  type VolumeFields,
  type VolumeView,
  volumeMode,
} from "./volume.js";

const SEED_VOLUME: VolumeFields = {
  containerPath: "container_dir",
  hostPath: "host_dir",
  mode: "mode",
  sandboxRelative: false,
};
// Filled per volume: the rules read a view, the seed's names stay here.
const volumeView: VolumeView = { containerPath: undefined, hostPath: undefined, mode: undefined };

const containerDirOf = (v: DockerVolume): string | undefined =>
  setString(v, "containerDir", v.containerDir);
const variableNameOf = (v: EnvVariable): string | undefined => setString(v, "name", v.name);

// The command of a task or executor runs in an image iff a ContainerInfo sits beside it: DOCKER
// is the only type this schema knows, and an unset or unknown type is reported on its own and
// must not also make the command look unrunnable.
function commandFlags(msg: { container?: ContainerInfo | undefined }): number {
  return msg.container === undefined ? 0 : IMAGE_ENTRYPOINT;
}

// A legacy command.container beside the ContainerInfo of a task or executor.
function legacyBeside(c: Collector, command: CommandInfo | undefined): void {
  const legacy = command?.container;
  if (legacy !== undefined) checkLegacyBeside(c, setString(legacy, "image", legacy.image));
}

// The fast verdict on a command and everything below it (Binding.clean): a shell command with a
// value and no arguments, URIs with values, variables with clean distinct names and clean
// values, and no legacy container (whose image rules are left to the walk). Anything else: walk.
// Mesos 1.11's table spells its own (it also rules out typed variables): one function for both
// would see both schemas' shapes at every load on the hottest path (measured: the seed's fused
// Docker task ~6 % slower).
function cleanCommand(command: CommandInfo): boolean {
  if (command.container !== undefined) return false;
  if (!cleanShellCommand(command.shell !== false, command.value, command.arguments.length)) {
    return false;
  }
  const uris = command.uris;
  for (let i = 0; i < uris.length; i++) if ((uris[i] as CommandInfo_URI).value === "") return false;
  const variables = command.environment?.variables;
  if (variables === undefined) return true;
  const n = variables.length;
  if (n > CLEAN_VARIABLES_MAX) return false;
  for (let i = 0; i < n; i++) {
    const v = variables[i] as EnvVariable;
    const name = v.name;
    if (!cleanVariableText(name, v.value)) return false;
    for (let j = 0; j < i; j++) if ((variables[j] as EnvVariable).name === name) return false;
  }
  return true;
}

// The fast verdict on a container and everything below it (Binding.clean): its DockerInfo is
// set (so the type cannot miss it), the image passes the image rules, every volume is one the
// volume rules found clean before with the same values, and the mount points are the last list
// found free. A task stream repeats its containers; anything new or wrong is walked.
function cleanContainer(container: ContainerInfo): boolean {
  const docker = container.docker;
  if (docker === undefined || !cleanImageText(docker.image)) return false;
  const volumes = docker.volume;
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i] as DockerVolume;
    if (v.$unknown !== undefined) return false;
    const mode = volumeMode(present(v, "mode", v.mode, VolumeMode.RW) ? v.mode : undefined);
    const host = setString(v, "hostDir", v.hostDir);
    if (!knownCleanVolume(i, SEED_VOLUME, containerDirOf(v), host, mode)) return false;
  }
  return knownFreeMounts(volumes, containerDirOf, SEED_VOLUME);
}

// The fast verdict on a resource (Binding.clean): the usual one (a named scalar, a range or two,
// a short set) without the walk.
function cleanResource(r: Resource): boolean {
  return (
    r.$unknown === undefined &&
    cleanPayload(r.name, r.type, r.scalar?.value, r.ranges?.range, r.set?.item)
  );
}

// The fast verdict on a whole task (Binding.clean), for the common shapes only: a command or
// Docker task (a command, no executor), IDs the ID rules found clean lately, and resources,
// command and container clean by their own verdicts. Then the task's own rules report nothing
// either (a clean command has no legacy container), and a fresh message from the decoder needs
// no walk at all (validate.ts asks this first). Anything else: walk.
function cleanTask(task: TaskInfo): boolean {
  const command = task.command;
  const taskId = task.taskId;
  const slaveId = task.slaveId;
  if (
    command === undefined ||
    task.executor !== undefined ||
    taskId === undefined ||
    slaveId === undefined ||
    !knownCleanId(taskId.value) ||
    !knownCleanId(slaveId.value)
  ) {
    return false;
  }
  const resources = task.resources;
  const n = resources.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (!cleanResource(resources[i] as Resource)) return false;
  const container = task.container;
  return cleanCommand(command) && (container === undefined || cleanContainer(container));
}

/** The rules of the seed schema, by message type. */
export const MESOS_RULES: BindingTable = new Map([
  // One function per ID type, not one shared by all: each reads `value` at its own site, which
  // then sees a single message shape (one shared site would see five and go megamorphic).
  bind(FrameworkIDSchema, { check: (id, c) => checkIdValue(id, id.value, id.$typeName, c) }),
  bind(OfferIDSchema, { check: (id, c) => checkIdValue(id, id.value, id.$typeName, c) }),
  bind(SlaveIDSchema, { check: (id, c) => checkIdValue(id, id.value, id.$typeName, c) }),
  bind(TaskIDSchema, { check: (id, c) => checkIdValue(id, id.value, id.$typeName, c) }),
  bind(ExecutorIDSchema, { check: (id, c) => checkIdValue(id, id.value, id.$typeName, c) }),
  bind(TaskInfoSchema, {
    clean: cleanTask,
    check(task, c) {
      const command = task.command;
      const executor = task.executor;
      const container = task.container;
      checkCommandOrExecutor(c, command !== undefined, executor !== undefined);
      checkTaskResources(c, task.resources.length);
      if (container !== undefined && executor !== undefined) checkContainerWithExecutor(c);
      if (container !== undefined) legacyBeside(c, command);
    },
    childFlags: { command: commandFlags },
  }),
  bind(ExecutorInfoSchema, {
    check(executor, c) {
      const command = executor.command;
      const container = executor.container;
      checkExecutorCommand(c, command !== undefined, container !== undefined);
      if (container !== undefined) legacyBeside(c, command);
    },
    ownsRequired: ["command"],
    childFlags: { command: commandFlags },
  }),
  bind(CommandInfoSchema, {
    clean: cleanCommand,
    check(command, c, flags) {
      // shell defaults to true (on the prototype); an own `undefined` also means the default.
      checkCommand(
        c,
        command.shell !== false,
        setString(command, "value", command.value),
        command.arguments,
        (flags & IMAGE_ENTRYPOINT) !== 0,
        legacyDockerImage(command.container) !== undefined,
      );
    },
  }),
  bind(CommandInfo_URISchema, {
    check(uri, c) {
      if (present(uri, "value", uri.value, "")) checkUriValue(c, uri.value);
    },
  }),
  bind(CommandInfo_ContainerInfoSchema, {
    check(legacy, c) {
      checkLegacyImage(c, setString(legacy, "image", legacy.image));
    },
  }),
  bind(EnvironmentSchema, {
    check(env, c) {
      checkDuplicateNames(c, env.variables, variableNameOf, "variables");
    },
  }),
  bind(Environment_VariableSchema, {
    check(v, c) {
      checkVariable(c, setString(v, "name", v.name), setString(v, "value", v.value));
    },
  }),
  bind(ContainerInfoSchema, {
    clean: cleanContainer,
    check(container, c) {
      const type = knownEnum(
        container,
        container.$unknown,
        "type",
        container.type,
        ContainerInfo_Type.DOCKER,
        1,
        ContainerInfo_TypeSchema,
      );
      checkDockerInfoSet(c, type === ContainerInfo_Type.DOCKER, container.docker !== undefined);
    },
  }),
  bind(ContainerInfo_DockerInfoSchema, {
    check(docker, c) {
      const image = docker.image;
      if (present(docker, "image", image, "")) checkImageText(c, image, "image", false);
      checkDuplicateMounts(c, docker.volume, containerDirOf, "volume", SEED_VOLUME);
    },
  }),
  bind(ContainerInfo_DockerInfo_VolumeSchema, {
    check(v, c) {
      const mode = knownEnum(v, v.$unknown, "mode", v.mode, VolumeMode.RW, 3, VolumeModeSchema);
      volumeView.containerPath = containerDirOf(v);
      volumeView.hostPath = setString(v, "hostDir", v.hostDir);
      volumeView.mode = volumeMode(mode);
      checkVolume(c, volumeView, SEED_VOLUME);
    },
  }),
  bind(Value_ScalarSchema, {
    check(s, c) {
      if (present(s, "value", s.value, 0)) checkScalarValue(c, s.value);
    },
  }),
  ...valueBindings(
    {
      resource: ResourceSchema,
      attribute: AttributeSchema,
      value: ValueSchema,
      ranges: Value_RangesSchema,
      range: Value_RangeSchema,
      set: Value_SetSchema,
      valueType: Value_TypeSchema,
    },
    cleanResource,
  ),
]);
