// One table row per rule on Mesos 1.11 (mesos.v1) messages, and per place a shared concept rule
// applies: the invalid side reports the code at the path with the catalogue's severity; the valid
// side, the closest valid message, does not (and, unless said, reports nothing at all). Every
// code that applies to v1 (CODES[code].schemas includes "v1") has a row.
import { create, type DescMessage, type Message } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import { CODES, type IssueCode, type IssuePath } from "../../src/problems/index.js";
import * as v1 from "../../src/v1/index.js";
import { RULE_CODES, validate } from "../../src/validation/index.js";
import {
  cmd,
  commandTask,
  container,
  defaultExecutor,
  docker,
  dockerTask,
  duration,
  exe,
  executorTask,
  groupTask,
  launchGroup,
  mesosTask,
  portsResource,
  scalarResource,
  vol,
  volume0,
} from "./v1-build.js";

interface Row {
  readonly name: string;
  readonly code: IssueCode;
  readonly schema?: DescMessage;
  readonly invalid: () => Message;
  readonly path: IssuePath;
  readonly valid: () => Message;
  /** The valid side reports nothing at all (false where another rule must still warn). */
  readonly validClean?: boolean;
}

const T = v1.TaskInfoSchema;
const VOLUME = ["container", "volumes", 0] as const;
const RW = v1.Volume_Mode.RW;
const { BRIDGE, HOST, USER } = v1.ContainerInfo_DockerInfo_Network;
const sandbox = (path: string, type = v1.Volume_Source_SandboxPath_Type.SELF) =>
  vol({
    containerPath: "/scratch",
    mode: RW,
    source: { type: v1.Volume_Source_Type.SANDBOX_PATH, sandboxPath: { type, path } },
  });
const dockerVolume = (name: string, driver?: string) =>
  vol({
    containerPath: `/v-${name || "x"}`,
    mode: RW,
    source: {
      type: v1.Volume_Source_Type.DOCKER_VOLUME,
      dockerVolume: driver === undefined ? { name } : { name, driver },
    },
  });
const envVar = (init: Record<string, unknown>) => (t: v1.TaskInfo) => {
  cmd(t).environment = create(v1.EnvironmentSchema, { variables: [init] });
};
const secretValue = (data: Uint8Array) => ({ type: v1.Secret_Type.VALUE, value: { data } });
const healthCheck = (init: Record<string, unknown>) => (t: v1.TaskInfo) => {
  t.healthCheck = create(v1.HealthCheckSchema, init);
};
const COMMAND_CHECK = { type: v1.HealthCheck_Type.COMMAND, command: { value: "true" } };
const HTTP_CHECK = { type: v1.HealthCheck_Type.HTTP, http: { port: 80, path: "/health" } };

const rows: Row[] = [
  // --- shared concept rules on v1 messages ----------------------------------------------------
  {
    name: "TaskInfo.task_id missing",
    code: "required_field_missing",
    invalid: () => dockerTask((t) => (t.taskId = undefined)),
    path: ["task_id"],
    valid: () => dockerTask(),
  },
  {
    name: "ContainerInfo.type an unknown number",
    code: "unknown_enum_value",
    invalid: () => dockerTask((t) => (container(t).type = 9 as v1.ContainerInfo_Type)),
    path: ["container", "type"],
    valid: () => dockerTask(),
  },
  {
    name: "DockerInfo.image empty",
    code: "image_empty",
    invalid: () => dockerTask((t) => (docker(t).image = "")),
    path: ["container", "docker", "image"],
    valid: () => dockerTask(),
  },
  {
    name: "DockerInfo.image as a docker:/// URI",
    code: "image_docker_uri",
    invalid: () => dockerTask((t) => (docker(t).image = "docker:///busybox")),
    path: ["container", "docker", "image"],
    valid: () => dockerTask((t) => (docker(t).image = "busybox")),
  },
  {
    name: "DockerInfo.image not a reference",
    code: "image_invalid",
    invalid: () => dockerTask((t) => (docker(t).image = "Busybox")),
    path: ["container", "docker", "image"],
    valid: () => dockerTask((t) => (docker(t).image = "busybox")),
  },
  {
    name: "MESOS container: mesos.image.docker.name not a reference (the same image rule)",
    code: "image_invalid",
    invalid: () =>
      mesosTask((t) => {
        (container(t).mesos?.image?.docker as v1.Image_Docker).name = "Alpine";
      }),
    path: ["container", "mesos", "image", "docker", "name"],
    valid: () => mesosTask(),
  },
  {
    name: "container_path empty",
    code: "path_empty",
    invalid: () => dockerTask((t) => (volume0(t).containerPath = "")),
    path: [...VOLUME, "container_path"],
    valid: () => dockerTask(),
  },
  {
    name: "container_path /",
    code: "container_dir_is_root",
    invalid: () => dockerTask((t) => (volume0(t).containerPath = "/")),
    path: [...VOLUME, "container_path"],
    valid: () => dockerTask(),
  },
  {
    name: "container_path the sandbox mount point",
    code: "container_dir_is_sandbox",
    invalid: () => dockerTask((t) => (volume0(t).containerPath = "/mnt/mesos/sandbox")),
    path: [...VOLUME, "container_path"],
    valid: () => dockerTask((t) => (volume0(t).containerPath = "/mnt/mesos/sandbox/data")),
  },
  {
    name: "host_path with ':'",
    code: "path_contains_colon",
    invalid: () => dockerTask((t) => (volume0(t).hostPath = "/srv/a:b")),
    path: [...VOLUME, "host_path"],
    valid: () => dockerTask(),
  },
  {
    name: "container_path with a tab",
    code: "path_contains_control_character",
    invalid: () => dockerTask((t) => (volume0(t).containerPath = "/da\tta")),
    path: [...VOLUME, "container_path"],
    valid: () => dockerTask(),
  },
  {
    name: "relative host_path climbing out of the sandbox",
    code: "path_has_parent_segment",
    invalid: () => dockerTask((t) => (volume0(t).hostPath = "../other")),
    path: [...VOLUME, "host_path"],
    // Mesos 1.11 joins a relative host_path under the sandbox: followed for v1.
    valid: () => dockerTask((t) => (volume0(t).hostPath = "logs")),
  },
  {
    name: "container_path not clean",
    code: "path_not_clean",
    invalid: () => dockerTask((t) => (volume0(t).containerPath = "/data/")),
    path: [...VOLUME, "container_path"],
    valid: () => dockerTask(),
  },
  {
    name: "two volumes on one mount point (a relative one joined under the sandbox)",
    code: "duplicate_container_dir",
    invalid: () =>
      dockerTask((t) => {
        container(t).volumes.push(
          vol({ containerPath: "/mnt/mesos/sandbox/x", hostPath: "/a", mode: RW }),
        );
        container(t).volumes.push(vol({ containerPath: "x", hostPath: "/b", mode: RW }));
      }),
    path: ["container", "volumes", 2, "container_path"],
    valid: () =>
      dockerTask((t) => {
        container(t).volumes.push(vol({ containerPath: "x", hostPath: "/b", mode: RW }));
      }),
  },
  {
    name: "DOCKER without docker",
    code: "docker_info_missing",
    invalid: () => dockerTask((t) => (container(t).docker = undefined)),
    path: ["container", "docker"],
    valid: () => dockerTask(),
  },
  {
    name: "shell command without value",
    code: "shell_command_missing",
    invalid: () => commandTask((t) => (t.command = create(v1.CommandInfoSchema, {}))),
    path: ["command", "value"],
    valid: () => commandTask(),
  },
  {
    name: "exec form without value and without an image",
    code: "executable_missing",
    invalid: () => commandTask((t) => (t.command = create(v1.CommandInfoSchema, { shell: false }))),
    path: ["command", "value"],
    // A MESOS container with an image has an entrypoint.
    valid: () => mesosTask((t) => (t.command = create(v1.CommandInfoSchema, { shell: false }))),
  },
  {
    name: "arguments with shell",
    code: "arguments_ignored_with_shell",
    invalid: () => commandTask((t) => (cmd(t).arguments = ["x"])),
    path: ["command", "arguments"],
    valid: () => commandTask(),
  },
  {
    name: "environment name empty",
    code: "env_name_empty",
    invalid: () => commandTask(envVar({ name: "", value: "x" })),
    path: ["command", "environment", "variables", 0, "name"],
    valid: () => commandTask(envVar({ name: "A", value: "x" })),
  },
  {
    name: "environment name with '='",
    code: "env_name_contains_equals",
    invalid: () => commandTask(envVar({ name: "A=B", value: "x" })),
    path: ["command", "environment", "variables", 0, "name"],
    valid: () => commandTask(envVar({ name: "A", value: "x" })),
  },
  {
    name: "environment name twice",
    code: "env_name_duplicate",
    invalid: () =>
      commandTask((t) => {
        cmd(t).environment = create(v1.EnvironmentSchema, {
          variables: [
            { name: "A", value: "1" },
            { name: "A", value: "2" },
          ],
        });
      }),
    path: ["command", "environment", "variables", 1, "name"],
    valid: () => commandTask(envVar({ name: "A", value: "1" })),
  },
  {
    name: "URI empty",
    code: "uri_value_empty",
    invalid: () =>
      commandTask((t) => (cmd(t).uris = [create(v1.CommandInfo_URISchema, { value: "" })])),
    path: ["command", "uris", 0, "value"],
    valid: () =>
      commandTask(
        (t) => (cmd(t).uris = [create(v1.CommandInfo_URISchema, { value: "https://x/a" })]),
      ),
  },
  {
    name: "AgentID empty",
    code: "id_empty",
    invalid: () => dockerTask((t) => (t.agentId = create(v1.AgentIDSchema, { value: "" }))),
    path: ["agent_id", "value"],
    valid: () => dockerTask(),
  },
  {
    name: "TaskID too long",
    code: "id_too_long",
    invalid: () =>
      dockerTask((t) => (t.taskId = create(v1.TaskIDSchema, { value: "a".repeat(256) }))),
    path: ["task_id", "value"],
    valid: () =>
      dockerTask((t) => (t.taskId = create(v1.TaskIDSchema, { value: "a".repeat(255) }))),
  },
  {
    name: "ExecutorID '..'",
    code: "id_reserved",
    invalid: () =>
      executorTask((t) => (exe(t).executorId = create(v1.ExecutorIDSchema, { value: ".." }))),
    path: ["executor", "executor_id", "value"],
    valid: () => executorTask(),
  },
  {
    name: "FrameworkID with '/'",
    code: "id_invalid_characters",
    invalid: () =>
      executorTask((t) => (exe(t).frameworkId = create(v1.FrameworkIDSchema, { value: "a/b" }))),
    path: ["executor", "framework_id", "value"],
    valid: () => executorTask(),
  },
  {
    name: "command and executor",
    code: "command_and_executor_both_set",
    invalid: () => executorTask((t) => (t.command = create(v1.CommandInfoSchema, { value: "x" }))),
    path: [],
    valid: () => executorTask(),
  },
  {
    name: "neither command nor executor",
    code: "command_and_executor_both_missing",
    invalid: () => commandTask((t) => (t.command = undefined)),
    path: [],
    valid: () => commandTask(),
  },
  {
    name: "no resources",
    code: "resources_empty",
    invalid: () => commandTask((t) => (t.resources = [])),
    path: ["resources"],
    valid: () => commandTask(),
  },
  {
    name: "a task container beside a CUSTOM executor",
    code: "container_ignored_with_executor",
    invalid: () =>
      executorTask(
        (t) =>
          (t.container = create(v1.ContainerInfoSchema, { type: v1.ContainerInfo_Type.MESOS })),
      ),
    path: ["container"],
    valid: () => executorTask(),
  },
  {
    name: "a LAUNCH executor without command",
    code: "executor_command_missing",
    invalid: () =>
      executorTask((t) => {
        exe(t).command = undefined;
        exe(t).type = v1.ExecutorInfo_Type.UNKNOWN;
        // type unset: only the LAUNCH rule (B4) applies
        delete (exe(t) as { type?: unknown }).type;
      }),
    path: ["executor", "command"],
    valid: () => executorTask(),
  },
  {
    name: "a CUSTOM executor without command",
    code: "executor_command_missing",
    schema: v1.ExecutorInfoSchema,
    invalid: () =>
      create(v1.ExecutorInfoSchema, {
        type: v1.ExecutorInfo_Type.CUSTOM,
        executorId: { value: "e" },
      }),
    path: ["command"],
    valid: () =>
      create(v1.ExecutorInfoSchema, {
        type: v1.ExecutorInfo_Type.CUSTOM,
        executorId: { value: "e" },
        command: { value: "./e" },
      }),
  },
  {
    name: "resource name empty",
    code: "resource_name_empty",
    invalid: () => commandTask((t) => t.resources.push(scalarResource("", 1))),
    path: ["resources", 3, "name"],
    valid: () => commandTask((t) => t.resources.push(scalarResource("disk", 1))),
  },
  {
    name: "resource of type TEXT",
    code: "resource_type_unsupported",
    invalid: () => commandTask((t) => ((t.resources[0] as v1.Resource).type = v1.Value_Type.TEXT)),
    path: ["resources", 0, "type"],
    valid: () => commandTask(),
  },
  {
    name: "SCALAR resource with ranges",
    code: "resource_payload_mismatch",
    invalid: () =>
      commandTask(
        (t) => ((t.resources[0] as v1.Resource).ranges = create(v1.Value_RangesSchema, {})),
      ),
    path: ["resources", 0, "ranges"],
    valid: () => commandTask(),
  },
  {
    name: "negative cpus",
    code: "scalar_invalid",
    invalid: () => commandTask((t) => (t.resources[0] = scalarResource("cpus", -1))),
    path: ["resources", 0, "scalar", "value"],
    valid: () => commandTask(),
  },
  {
    name: "inverted range",
    code: "range_inverted",
    invalid: () => commandTask((t) => (t.resources[2] = portsResource(31001, 31000))),
    path: ["resources", 2, "ranges", "range", 0],
    valid: () => commandTask(),
  },
  {
    name: "overlapping ranges",
    code: "ranges_overlap",
    invalid: () =>
      commandTask((t) => {
        (t.resources[2] as v1.Resource).ranges?.range.push(
          create(v1.Value_RangeSchema, { begin: 31001n, end: 31005n }),
        );
      }),
    path: ["resources", 2, "ranges", "range", 1],
    valid: () => commandTask(),
  },
  {
    name: "duplicate set item",
    code: "set_item_duplicate",
    invalid: () =>
      commandTask((t) =>
        t.resources.push(
          create(v1.ResourceSchema, {
            name: "gpus-ids",
            type: v1.Value_Type.SET,
            set: { item: ["a", "a"] },
          }),
        ),
      ),
    path: ["resources", 3, "set", "item", 1],
    valid: () =>
      commandTask((t) =>
        t.resources.push(
          create(v1.ResourceSchema, {
            name: "gpus-ids",
            type: v1.Value_Type.SET,
            set: { item: ["a", "b"] },
          }),
        ),
      ),
  },
  {
    name: "NUL in an argument",
    code: "string_contains_nul",
    invalid: () =>
      commandTask(
        (t) =>
          (t.command = create(v1.CommandInfoSchema, {
            shell: false,
            value: "/bin/echo",
            arguments: ["a\0b"],
          })),
      ),
    path: ["command", "arguments", 0],
    valid: () =>
      commandTask(
        (t) =>
          (t.command = create(v1.CommandInfoSchema, {
            shell: false,
            value: "/bin/echo",
            arguments: ["ab"],
          })),
      ),
  },
  {
    name: "an unpaired surrogate in the task name",
    code: "unpaired_surrogate",
    invalid: () => commandTask((t) => (t.name = "a\ud800")),
    path: ["name"],
    valid: () => commandTask((t) => (t.name = "a\ud800\udc00")),
  },
  {
    name: "a seed TaskInfo handed to validate(v1 TaskInfoSchema, …)",
    code: "invalid_input",
    invalid: () => create(seed.TaskInfoSchema, {}),
    path: [],
    valid: () => commandTask(),
  },
  // --- Mesos 1.11 volumes -----------------------------------------------------------------------
  {
    name: "a volume with none of host_path, image, source",
    code: "volume_source_not_one",
    invalid: () => dockerTask((t) => (volume0(t).hostPath = undefined as unknown as string)),
    path: [...VOLUME],
    valid: () => dockerTask(),
  },
  {
    name: "a volume with host_path and source",
    code: "volume_source_not_one",
    invalid: () =>
      dockerTask((t) => {
        volume0(t).source = dockerVolume("data").source;
      }),
    path: [...VOLUME],
    valid: () => dockerTask((t) => (container(t).volumes[0] = dockerVolume("data"))),
  },
  {
    name: "DOCKER_VOLUME without docker_volume",
    code: "volume_source_payload_missing",
    invalid: () =>
      dockerTask((t) => {
        container(t).volumes[0] = vol({
          containerPath: "/c",
          mode: RW,
          source: { type: v1.Volume_Source_Type.DOCKER_VOLUME },
        });
      }),
    path: [...VOLUME, "source", "docker_volume"],
    valid: () => dockerTask((t) => (container(t).volumes[0] = dockerVolume("data"))),
  },
  {
    name: "a source without type",
    code: "volume_source_type_unknown",
    invalid: () =>
      mesosTask((t) => {
        container(t).volumes[0] = vol({
          containerPath: "/c",
          mode: RW,
          source: { hostPath: { path: "/h" } },
        });
      }),
    path: [...VOLUME, "source", "type"],
    valid: () =>
      mesosTask((t) => {
        container(t).volumes[0] = vol({
          containerPath: "/c",
          mode: RW,
          source: { type: v1.Volume_Source_Type.HOST_PATH, hostPath: { path: "/h" } },
        });
      }),
  },
  {
    name: "relative host_path and relative container_path in a DOCKER container",
    code: "volume_paths_both_relative",
    invalid: () =>
      dockerTask((t) => {
        volume0(t).hostPath = "logs";
        volume0(t).containerPath = "logs";
      }),
    path: [...VOLUME, "host_path"],
    valid: () => dockerTask((t) => (volume0(t).containerPath = "logs")),
  },
  {
    name: "a SANDBOX_PATH volume in a DOCKER container",
    code: "volume_source_ignored_by_docker",
    invalid: () => dockerTask((t) => (container(t).volumes[0] = sandbox("tmp"))),
    path: [...VOLUME, "source"],
    valid: () => mesosTask((t) => (container(t).volumes[0] = sandbox("tmp"))),
  },
  {
    name: "an image volume in a DOCKER container",
    code: "volume_image_in_docker",
    invalid: () =>
      dockerTask(
        (t) =>
          (container(t).volumes[0] = vol({
            containerPath: "/img",
            mode: v1.Volume_Mode.RO,
            image: { type: v1.Image_Type.DOCKER, docker: { name: "busybox" } },
          })),
      ),
    path: [...VOLUME, "image"],
    valid: () =>
      mesosTask(
        (t) =>
          (container(t).volumes[0] = vol({
            containerPath: "/img",
            mode: v1.Volume_Mode.RO,
            image: { type: v1.Image_Type.DOCKER, docker: { name: "busybox" } },
          })),
      ),
  },
  {
    name: "SANDBOX_PATH climbing out of the sandbox",
    code: "sandbox_path_invalid",
    invalid: () => mesosTask((t) => (container(t).volumes[0] = sandbox("../x"))),
    path: [...VOLUME, "source", "sandbox_path", "path"],
    valid: () => mesosTask((t) => (container(t).volumes[0] = sandbox("x"))),
  },
  {
    name: "SANDBOX_PATH without type",
    code: "sandbox_path_invalid",
    invalid: () =>
      mesosTask(
        (t) => (container(t).volumes[0] = sandbox("x", v1.Volume_Source_SandboxPath_Type.UNKNOWN)),
      ),
    path: [...VOLUME, "source", "sandbox_path", "type"],
    valid: () => mesosTask((t) => (container(t).volumes[0] = sandbox("x"))),
  },
  {
    name: "a docker volume with an empty name",
    code: "docker_volume_name_empty",
    invalid: () => dockerTask((t) => (container(t).volumes[0] = dockerVolume(""))),
    path: [...VOLUME, "source", "docker_volume", "name"],
    valid: () => dockerTask((t) => (container(t).volumes[0] = dockerVolume("data"))),
  },
  {
    name: "two volume drivers in one container",
    code: "volume_driver_conflict",
    invalid: () =>
      dockerTask((t) => {
        container(t).volumes = [dockerVolume("a", "local"), dockerVolume("b", "rexray")];
      }),
    path: ["container", "volumes", 1, "source"],
    valid: () =>
      dockerTask((t) => {
        container(t).volumes = [dockerVolume("a", "rexray"), dockerVolume("b", "rexray")];
      }),
  },
  // --- Mesos 1.11 containers --------------------------------------------------------------------
  {
    name: "DOCKER container with mesos set (Mesos only logs it)",
    code: "container_union_mismatch",
    invalid: () =>
      dockerTask((t) => (container(t).mesos = create(v1.ContainerInfo_MesosInfoSchema, {}))),
    path: ["container", "mesos"],
    valid: () => dockerTask(),
  },
  {
    name: "a 'name' docker parameter",
    code: "docker_parameter_name",
    invalid: () =>
      dockerTask(
        (t) => (docker(t).parameters = [create(v1.ParameterSchema, { key: "name", value: "x" })]),
      ),
    path: ["container", "docker", "parameters", 0, "key"],
    valid: () =>
      dockerTask(
        (t) => (docker(t).parameters = [create(v1.ParameterSchema, { key: "label", value: "x" })]),
      ),
  },
  {
    name: "USER network without network_infos",
    code: "docker_user_network_invalid",
    invalid: () => dockerTask((t) => (docker(t).network = USER)),
    path: ["container", "network_infos"],
    valid: () =>
      dockerTask((t) => {
        docker(t).network = USER;
        container(t).networkInfos = [create(v1.NetworkInfoSchema, { name: "my-net" })];
      }),
  },
  {
    name: "USER network whose network_infos entry has no name",
    code: "docker_user_network_invalid",
    invalid: () =>
      dockerTask((t) => {
        docker(t).network = USER;
        container(t).networkInfos = [create(v1.NetworkInfoSchema, {})];
      }),
    path: ["container", "network_infos", 0, "name"],
    valid: () =>
      dockerTask((t) => {
        docker(t).network = USER;
        container(t).networkInfos = [create(v1.NetworkInfoSchema, { name: "my-net" })];
      }),
  },
  {
    name: "port mappings with the default HOST network",
    code: "port_mappings_need_bridge",
    invalid: () => dockerTask((t) => delete (docker(t) as { network?: unknown }).network),
    path: ["container", "docker", "port_mappings"],
    valid: () => dockerTask((t) => (docker(t).network = BRIDGE)),
  },
  {
    name: "hostname with the HOST network",
    code: "hostname_with_host_network",
    invalid: () =>
      dockerTask((t) => {
        docker(t).network = HOST;
        docker(t).portMappings = [];
        container(t).hostname = "web";
      }),
    path: ["container", "hostname"],
    valid: () => dockerTask((t) => (container(t).hostname = "web")),
  },
  {
    name: "a host port outside the task's ports",
    code: "port_not_in_resources",
    invalid: () =>
      dockerTask(
        (t) =>
          ((docker(t).portMappings[0] as v1.ContainerInfo_DockerInfo_PortMapping).hostPort = 8080),
      ),
    path: ["container", "docker", "port_mappings", 0, "host_port"],
    valid: () => dockerTask(),
  },
  {
    name: "a mesos.image of type DOCKER without docker",
    code: "image_payload_missing",
    invalid: () => mesosTask((t) => ((container(t).mesos?.image as v1.Image).docker = undefined)),
    path: ["container", "mesos", "image", "docker"],
    valid: () => mesosTask(),
  },
  {
    name: "a task of a task group in a DOCKER container",
    code: "docker_container_in_group",
    invalid: () => groupTask((t) => (t.container = dockerTask().container)),
    path: ["container", "type"],
    valid: () => groupTask((t) => (t.container = mesosTask().container)),
  },
  {
    name: "share_cgroups false on a LAUNCH task",
    code: "share_cgroups_invalid",
    invalid: () =>
      mesosTask(
        (t) => (container(t).linuxInfo = create(v1.LinuxInfoSchema, { shareCgroups: false })),
      ),
    path: ["container", "linux_info", "share_cgroups"],
    valid: () =>
      groupTask(
        (t) =>
          (t.container = create(v1.ContainerInfoSchema, {
            type: v1.ContainerInfo_Type.MESOS,
            linuxInfo: { shareCgroups: false },
          })),
      ),
  },
  {
    name: "an HTTP health check on a group task with networks of its own",
    code: "group_health_check_network",
    invalid: () =>
      groupTask((t) => {
        t.container = create(v1.ContainerInfoSchema, {
          type: v1.ContainerInfo_Type.MESOS,
          networkInfos: [{ name: "cni" }],
        });
        healthCheck(HTTP_CHECK)(t);
      }),
    path: ["health_check", "type"],
    valid: () =>
      groupTask((t) => {
        t.container = create(v1.ContainerInfoSchema, {
          type: v1.ContainerInfo_Type.MESOS,
          networkInfos: [{ name: "cni" }],
        });
        healthCheck(COMMAND_CHECK)(t);
      }),
  },
  // --- Mesos 1.11 executors and task groups -----------------------------------------------------
  {
    name: "a LAUNCH executor of type UNKNOWN",
    code: "executor_type_not_custom",
    invalid: () => executorTask((t) => (exe(t).type = v1.ExecutorInfo_Type.UNKNOWN)),
    path: ["executor", "type"],
    valid: () => executorTask(),
  },
  {
    name: "a task group's executor without type",
    code: "executor_type_missing",
    schema: v1.Offer_Operation_LaunchGroupSchema,
    invalid: () =>
      launchGroup((g) => {
        const e = g.executor as v1.ExecutorInfo;
        delete (e as { type?: unknown }).type;
      }),
    path: ["executor", "type"],
    valid: () => launchGroup(),
  },
  {
    name: "a DEFAULT executor with a command",
    code: "default_executor_command_set",
    invalid: () =>
      groupTask((t) => (exe(t).command = create(v1.CommandInfoSchema, { value: "x" }))),
    path: ["executor", "command"],
    valid: () => groupTask(),
  },
  {
    name: "a DEFAULT executor in a DOCKER container",
    code: "default_executor_container_invalid",
    invalid: () => groupTask((t) => (exe(t).container = dockerTask().container)),
    path: ["executor", "container", "type"],
    valid: () => groupTask(),
  },
  {
    name: "a task group's executor without disk",
    code: "executor_resources_too_small",
    invalid: () => groupTask((t) => exe(t).resources.pop()),
    path: ["executor", "resources"],
    valid: () => groupTask(),
  },
  {
    name: "a LAUNCH_GROUP task with another executor",
    code: "group_executor_mismatch",
    schema: v1.Offer_Operation_LaunchGroupSchema,
    invalid: () =>
      launchGroup((g) => {
        const other = defaultExecutor();
        other.executorId = create(v1.ExecutorIDSchema, { value: "other" });
        (g.taskGroup?.tasks[1] as v1.TaskInfo).executor = other;
      }),
    path: ["task_group", "tasks", 1, "executor"],
    valid: () =>
      launchGroup((g) => {
        (g.taskGroup?.tasks[1] as v1.TaskInfo).executor = defaultExecutor();
      }),
  },
  {
    name: "two tasks of a group with one ID",
    code: "task_id_duplicate",
    schema: v1.TaskGroupInfoSchema,
    invalid: () => create(v1.TaskGroupInfoSchema, { tasks: [commandTask(), commandTask()] }),
    path: ["tasks", 1, "task_id", "value"],
    valid: () => launchGroup().taskGroup as v1.TaskGroupInfo,
  },
  // --- durations, checks, limits ----------------------------------------------------------------
  {
    name: "negative kill_policy.grace_period",
    code: "duration_negative",
    invalid: () =>
      commandTask(
        (t) => (t.killPolicy = create(v1.KillPolicySchema, { gracePeriod: duration(-1n) })),
      ),
    path: ["kill_policy", "grace_period", "nanoseconds"],
    valid: () =>
      commandTask(
        (t) => (t.killPolicy = create(v1.KillPolicySchema, { gracePeriod: duration(0n) })),
      ),
  },
  {
    name: "negative max_completion_time",
    code: "duration_negative",
    invalid: () => commandTask((t) => (t.maxCompletionTime = duration(-5n))),
    path: ["max_completion_time", "nanoseconds"],
    valid: () => commandTask((t) => (t.maxCompletionTime = duration(5n))),
  },
  {
    name: "negative health check interval",
    code: "duration_negative",
    invalid: () => commandTask(healthCheck({ ...COMMAND_CHECK, intervalSeconds: -1 })),
    path: ["health_check", "interval_seconds"],
    valid: () => commandTask(healthCheck(COMMAND_CHECK)),
  },
  {
    name: "health check without type",
    code: "check_type_missing",
    invalid: () => commandTask(healthCheck({ command: { value: "true" } })),
    path: ["health_check", "type"],
    valid: () => commandTask(healthCheck(COMMAND_CHECK)),
  },
  {
    name: "check without type",
    code: "check_type_missing",
    invalid: () => commandTask((t) => (t.check = create(v1.CheckInfoSchema, {}))),
    path: ["check", "type"],
    valid: () =>
      commandTask(
        (t) =>
          (t.check = create(v1.CheckInfoSchema, {
            type: v1.CheckInfo_Type.TCP,
            tcp: { port: 80 },
          })),
      ),
  },
  {
    name: "HTTP health check without http",
    code: "check_payload_missing",
    invalid: () => commandTask(healthCheck({ type: v1.HealthCheck_Type.HTTP })),
    path: ["health_check", "http"],
    valid: () => commandTask(healthCheck(HTTP_CHECK)),
  },
  {
    name: "HTTP health check path without '/'",
    code: "check_http_invalid",
    invalid: () => commandTask(healthCheck({ ...HTTP_CHECK, http: { port: 80, path: "health" } })),
    path: ["health_check", "http", "path"],
    valid: () => commandTask(healthCheck(HTTP_CHECK)),
  },
  {
    name: "HTTP health check scheme ftp",
    code: "check_http_invalid",
    invalid: () => commandTask(healthCheck({ ...HTTP_CHECK, http: { port: 80, scheme: "ftp" } })),
    path: ["health_check", "http", "scheme"],
    valid: () => commandTask(healthCheck({ ...HTTP_CHECK, http: { port: 80, scheme: "https" } })),
  },
  {
    name: "a disk limit",
    code: "limit_key_unsupported",
    invalid: () =>
      commandTask((t) => (t.limits = { disk: create(v1.Value_ScalarSchema, { value: 10 }) })),
    path: ["limits", "disk"],
    valid: () =>
      commandTask(
        (t) =>
          (t.limits = { mem: create(v1.Value_ScalarSchema, { value: Number.POSITIVE_INFINITY }) }),
      ),
  },
  {
    // The value of a map entry is walked like any message (the limit's own rules, with the LIMIT
    // context that lets it be infinite).
    name: "a NaN limit",
    code: "scalar_invalid",
    invalid: () =>
      commandTask(
        (t) => (t.limits = { mem: create(v1.Value_ScalarSchema, { value: Number.NaN }) }),
      ),
    path: ["limits", "mem", "value"],
    valid: () =>
      commandTask(
        (t) =>
          (t.limits = { mem: create(v1.Value_ScalarSchema, { value: Number.POSITIVE_INFINITY }) }),
      ),
  },
  {
    name: "a cpus limit without a cpus request",
    code: "limit_without_request",
    invalid: () =>
      commandTask((t) => {
        t.resources = t.resources.filter((r) => r.name !== "cpus");
        t.limits = { cpus: create(v1.Value_ScalarSchema, { value: 1 }) };
      }),
    path: ["limits", "cpus"],
    valid: () =>
      commandTask((t) => (t.limits = { cpus: create(v1.Value_ScalarSchema, { value: 1 }) })),
  },
  {
    name: "a mem limit below the request",
    code: "limit_below_request",
    invalid: () =>
      commandTask((t) => (t.limits = { mem: create(v1.Value_ScalarSchema, { value: 64 }) })),
    path: ["limits", "mem"],
    valid: () =>
      commandTask((t) => (t.limits = { mem: create(v1.Value_ScalarSchema, { value: 128 }) })),
  },
  // --- environment and secrets ------------------------------------------------------------------
  {
    name: "a variable of type UNKNOWN",
    code: "env_type_unknown",
    invalid: () =>
      commandTask(envVar({ name: "A", type: v1.Environment_Variable_Type.UNKNOWN, value: "x" })),
    path: ["command", "environment", "variables", 0, "type"],
    valid: () =>
      commandTask(envVar({ name: "A", type: v1.Environment_Variable_Type.VALUE, value: "x" })),
  },
  {
    name: "a VALUE variable without value",
    code: "env_value_missing",
    invalid: () => commandTask(envVar({ name: "A" })),
    path: ["command", "environment", "variables", 0, "value"],
    valid: () => commandTask(envVar({ name: "A", value: "" })),
  },
  {
    name: "a SECRET variable with a value",
    code: "env_value_and_secret",
    invalid: () =>
      commandTask(
        envVar({
          name: "A",
          type: v1.Environment_Variable_Type.SECRET,
          value: "x",
          secret: secretValue(new Uint8Array([1])),
        }),
      ),
    path: ["command", "environment", "variables", 0, "value"],
    valid: () =>
      commandTask(
        envVar({
          name: "A",
          type: v1.Environment_Variable_Type.SECRET,
          secret: secretValue(new Uint8Array([1])),
        }),
      ),
  },
  {
    name: "a REFERENCE secret without reference",
    code: "secret_invalid",
    invalid: () =>
      commandTask(
        envVar({
          name: "A",
          type: v1.Environment_Variable_Type.SECRET,
          secret: { type: v1.Secret_Type.REFERENCE },
        }),
      ),
    path: ["command", "environment", "variables", 0, "secret", "reference"],
    valid: () =>
      commandTask(
        envVar({
          name: "A",
          type: v1.Environment_Variable_Type.SECRET,
          secret: { type: v1.Secret_Type.REFERENCE, reference: { name: "db" } },
        }),
      ),
  },
  {
    name: "a secret with a NUL byte in the environment",
    code: "secret_contains_nul",
    invalid: () =>
      commandTask(
        envVar({
          name: "A",
          type: v1.Environment_Variable_Type.SECRET,
          secret: secretValue(new Uint8Array([97, 0])),
        }),
      ),
    path: ["command", "environment", "variables", 0, "secret", "value", "data"],
    valid: () =>
      commandTask(
        envVar({
          name: "A",
          type: v1.Environment_Variable_Type.SECRET,
          secret: secretValue(new Uint8Array([97])),
        }),
      ),
  },
];

describe("v1 rule table", () => {
  test.each(rows)("$code: $name", (row) => {
    const schema = row.schema ?? T;
    const bad = validate(schema, row.invalid() as never);
    const found = bad.issues.filter((i) => i.code === row.code);
    expect(found.map((i) => i.path)).toContainEqual(row.path);
    for (const issue of found) expect(issue.severity).toBe(CODES[row.code].severity);
    if (CODES[row.code].severity === "error") expect(bad.success).toBe(false);

    const good = validate(schema, row.valid() as never);
    expect(good.issues.filter((i) => i.code === row.code)).toEqual([]);
    expect(good.success).toBe(true);
    if (row.validClean !== false) expect(good.issues).toEqual([]);
  });

  test("every code that applies to v1 has a row; seed-only codes never fire on v1", () => {
    const covered = new Set(rows.map((r) => r.code));
    const v1Codes = RULE_CODES.filter((code) => CODES[code].schemas.includes("v1"));
    expect(v1Codes.filter((code) => !covered.has(code))).toEqual([]);
    for (const row of rows) expect(CODES[row.code].schemas).toContain("v1");
  });

  test("Mesos 1.11 accepts relative paths (joined under the sandbox) where the seed refuses them", () => {
    const relative = dockerTask((t) => (volume0(t).hostPath = "logs"));
    expect(validate(T, relative)).toMatchObject({ success: true, issues: [] });
    const relativeContainer = dockerTask((t) => (volume0(t).containerPath = "data"));
    expect(validate(T, relativeContainer)).toMatchObject({ success: true, issues: [] });
  });

  test("a Docker volume name stands in for host_path when docker.volume_driver is set", () => {
    const named = dockerTask((t) => {
      docker(t).volumeDriver = "rexray";
      volume0(t).hostPath = "my:volume";
    });
    expect(validate(T, named).issues.filter((i) => i.code === "path_contains_colon")).toEqual([]);
  });

  test("taskGroup: true checks a TaskInfo as a task of a group (no executor needed, no DOCKER)", () => {
    expect(validate(T, commandTask(), { taskGroup: true })).toMatchObject({
      success: true,
      issues: [],
    });
    const docker = validate(T, dockerTask(), { taskGroup: true });
    expect(docker.issues.map((i) => [i.code, i.path])).toEqual([
      ["docker_container_in_group", ["container", "type"]],
    ]);
    expect(validate(T, dockerTask()).success).toBe(true);
  });

  test("a DEFAULT executor task is a task-group task: no B1, no LAUNCH executor rules", () => {
    expect(validate(T, groupTask())).toMatchObject({ success: true, issues: [] });
    expect(validate(v1.ExecutorInfoSchema, defaultExecutor())).toMatchObject({ success: true });
    expect(validate(v1.Offer_Operation_LaunchGroupSchema, launchGroup())).toMatchObject({
      success: true,
      issues: [],
    });
  });
});
