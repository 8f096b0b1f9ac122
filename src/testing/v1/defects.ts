// The v1 defects: for each error rule of Mesos 1.11 reachable in a TaskInfo, one way to break any
// valid v1TaskInfo in exactly that place, and where the issue must land. A defect replaces the
// part it breaks wholesale (a container, a command, an executor), so whatever the arbitrary drew
// there cannot add a second error.
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import type { IssueCode, IssuePath } from "../../problems/index.js";
import * as v1 from "../../v1/index.js";
import { RESOURCE_BREAKS } from "../defects-task.js";
import type { V1Defect } from "./near-miss.js";

const RW = v1.Volume_Mode.RW;

function defect(code: IssueCode, apply: (task: v1.TaskInfo) => IssuePath): V1Defect {
  return { code, apply };
}

/** A defect whose issue is always at `path` (a fresh copy per near miss). */
function at(code: IssueCode, path: IssuePath, apply: (task: v1.TaskInfo) => void): V1Defect {
  return defect(code, (task) => {
    apply(task);
    return [...path];
  });
}

const scalar = (name: string, value: number) =>
  create(v1.ResourceSchema, { name, type: v1.Value_Type.SCALAR, scalar: { value } });

/** Appends a resource built from `init` (the seed's Resource fields, which v1 shares) and returns its path. */
function pushResource(task: v1.TaskInfo, init: object, ...rest: (string | number)[]) {
  task.resources.push(
    create(v1.ResourceSchema, init as MessageInitShape<typeof v1.ResourceSchema>),
  );
  return ["resources", task.resources.length - 1, ...rest];
}

/** A plain shell command, so a container without an image leaves nothing unrunnable. */
function plainCommand(task: v1.TaskInfo): void {
  task.command = create(v1.CommandInfoSchema, { value: "true" });
}

/** Replace the task's container (and command) with a DOCKER one built from `init`. */
function dockerContainer(
  task: v1.TaskInfo,
  docker: Record<string, unknown> | undefined,
  init: Record<string, unknown> = {},
): void {
  plainCommand(task);
  task.container = create(v1.ContainerInfoSchema, {
    type: v1.ContainerInfo_Type.DOCKER,
    ...(docker === undefined ? {} : { docker: { image: "busybox:1.36", ...docker } }),
    ...init,
  });
}

/** A DOCKER container with `image`; the issue path is that image's. */
function dockerImage(task: v1.TaskInfo, image: string): IssuePath {
  dockerContainer(task, { image });
  return ["container", "docker", "image"];
}

function taskId(task: v1.TaskInfo, value: string): IssuePath {
  task.taskId = create(v1.TaskIDSchema, { value });
  return ["task_id", "value"];
}

/** Replace the task's container (and command) with a MESOS one built from `init`. */
function mesosContainer(task: v1.TaskInfo, init: Record<string, unknown>): void {
  plainCommand(task);
  task.container = create(v1.ContainerInfoSchema, { type: v1.ContainerInfo_Type.MESOS, ...init });
}

/** A DOCKER container with one volume; the issue path is below that volume. */
function dockerVolume(task: v1.TaskInfo, volume: Record<string, unknown>, ...rest: string[]) {
  dockerContainer(task, {}, { volumes: [{ mode: RW, ...volume }] });
  return ["container", "volumes", 0, ...rest];
}

/** A MESOS container with one volume; the issue path is below that volume. */
function mesosVolume(task: v1.TaskInfo, volume: Record<string, unknown>, ...rest: string[]) {
  mesosContainer(task, { volumes: [{ mode: RW, ...volume }] });
  return ["container", "volumes", 0, ...rest];
}

/** Appends a variable to the task's command environment; the path is that variable's. */
function variable(task: v1.TaskInfo, init: Record<string, unknown>, ...rest: string[]) {
  const command = task.command as v1.CommandInfo;
  command.environment ??= create(v1.EnvironmentSchema, {});
  command.environment.variables.push(
    create(v1.Environment_VariableSchema, { name: "NEAR_MISS", ...init }),
  );
  return ["command", "environment", "variables", command.environment.variables.length - 1, ...rest];
}

/** The executor of a LAUNCH task replaces its command. */
function launchExecutor(task: v1.TaskInfo, init: Record<string, unknown>): void {
  task.command = undefined;
  task.executor = create(v1.ExecutorInfoSchema, {
    executorId: { value: "near-miss-executor" },
    frameworkId: { value: "near-miss-framework" },
    ...init,
  });
}

/** A DEFAULT executor makes the task a task-group task (a plain command, `container` or none). */
function defaultExecutor(task: v1.TaskInfo, init: object = {}, container?: object): void {
  plainCommand(task);
  task.container = container && create(v1.ContainerInfoSchema, container);
  task.executor = create(v1.ExecutorInfoSchema, {
    type: v1.ExecutorInfo_Type.DEFAULT,
    executorId: { value: "near-miss-default" },
    frameworkId: { value: "near-miss-framework" },
    resources: [scalar("cpus", 0.1), scalar("mem", 32), scalar("disk", 10)],
    ...init,
  });
}

function healthCheck(task: v1.TaskInfo, init: Record<string, unknown>, ...rest: string[]) {
  task.healthCheck = create(v1.HealthCheckSchema, init);
  return ["health_check", ...rest];
}

function limits(task: v1.TaskInfo, init: Record<string, number>): void {
  task.limits = Object.fromEntries(
    Object.entries(init).map(([k, value]) => [k, create(v1.Value_ScalarSchema, { value })]),
  );
}

const SECRET = v1.Environment_Variable_Type.SECRET;
const secretValue = (data: number[]) => ({
  type: v1.Secret_Type.VALUE,
  value: { data: new Uint8Array(data) },
});

/** The v1 defects, one or more per error rule reachable in a TaskInfo. */
export const V1_DEFECTS: readonly V1Defect[] = [
  // --- shared concept rules ---------------------------------------------------------------------
  at("required_field_missing", ["task_id"], (t) => {
    t.taskId = undefined;
  }),
  defect("unknown_enum_value", (t) => pushResource(t, { name: "x", type: 9 }, "type")),
  at("unpaired_surrogate", ["name"], (t) => {
    t.name = "task\ud800";
  }),
  defect("image_empty", (t) => dockerImage(t, "")),
  defect("image_docker_uri", (t) => dockerImage(t, "docker:///busybox")),
  defect("image_invalid", (t) => dockerImage(t, "Busybox")),
  at("image_invalid", ["container", "mesos", "image", "docker", "name"], (t) =>
    mesosContainer(t, {
      mesos: { image: { type: v1.Image_Type.DOCKER, docker: { name: "a b" } } },
    }),
  ),
  // One bad path in a DOCKER volume: [code, container_path, host_path, the field the issue names].
  ...(
    [
      ["path_empty", "", "/h", "container_path"],
      ["container_dir_is_root", "/", "/h", "container_path"],
      ["container_dir_is_sandbox", "/mnt/mesos/sandbox", "/h", "container_path"],
      ["path_contains_colon", "/c", "/h:x", "host_path"],
      ["path_contains_control_character", "/c\u0001", "/h", "container_path"],
      ["path_has_parent_segment", "/c", "../up", "host_path"],
      ["volume_paths_both_relative", "c", "h", "host_path"],
    ] as const
  ).map(([code, containerPath, hostPath, field]) =>
    defect(code, (t) => dockerVolume(t, { containerPath, hostPath }, field)),
  ),
  // "/c/" is also not clean: a warning, not an error.
  at("duplicate_container_dir", ["container", "volumes", 1, "container_path"], (t) =>
    dockerContainer(
      t,
      {},
      {
        volumes: [
          { containerPath: "/c", hostPath: "/a", mode: RW },
          { containerPath: "/c/", hostPath: "/b", mode: RW },
        ],
      },
    ),
  ),
  at("docker_info_missing", ["container", "docker"], (t) => dockerContainer(t, undefined)),
  at("shell_command_missing", ["command", "value"], (t) => {
    t.command = create(v1.CommandInfoSchema, {});
  }),
  at("executable_missing", ["command", "value"], (t) => {
    t.container = undefined;
    t.command = create(v1.CommandInfoSchema, { shell: false });
  }),
  at("string_contains_nul", ["command", "value"], (t) => {
    t.command = create(v1.CommandInfoSchema, { value: "echo a\0b" });
  }),
  defect("uri_value_empty", (t) => {
    const uris = (t.command as v1.CommandInfo).uris;
    uris.push(create(v1.CommandInfo_URISchema, { value: "" }));
    return ["command", "uris", uris.length - 1, "value"];
  }),
  defect("env_name_empty", (t) => variable(t, { name: "", value: "x" }, "name")),
  defect("env_name_contains_equals", (t) => variable(t, { name: "A=B", value: "x" }, "name")),
  at("id_empty", ["agent_id", "value"], (t) => {
    t.agentId = create(v1.AgentIDSchema, { value: "" });
  }),
  defect("id_too_long", (t) => taskId(t, "t".repeat(256))),
  defect("id_reserved", (t) => taskId(t, ".")),
  defect("id_invalid_characters", (t) => taskId(t, "a\\b")),
  at("command_and_executor_both_set", [], (t) => {
    const command = t.command;
    launchExecutor(t, { type: v1.ExecutorInfo_Type.CUSTOM, command: { value: "./executor" } });
    t.command = command;
  }),
  at("command_and_executor_both_missing", [], (t) => {
    t.command = undefined;
  }),
  at("resources_empty", ["resources"], (t) => {
    // Mapped ports would also miss their ports resource: no container.
    t.container = undefined;
    plainCommand(t);
    t.resources = [];
  }),
  at("executor_command_missing", ["executor", "command"], (t) => launchExecutor(t, {})),
  defect("resource_name_empty", (t) =>
    pushResource(t, { name: "", type: v1.Value_Type.SCALAR, scalar: { value: 1 } }, "name"),
  ),
  // The whole-resource breaks of the seed's near misses, each with its fixed example.
  ...RESOURCE_BREAKS.map(({ code, example }) =>
    defect(code, (t) => {
      const { init, at } = example("x");
      return pushResource(t, init, ...at);
    }),
  ),
  // --- Mesos 1.11 volumes -------------------------------------------------------------------------
  defect("volume_source_not_one", (t) => dockerVolume(t, { containerPath: "/c" })),
  defect("volume_source_payload_missing", (t) =>
    mesosVolume(
      t,
      { containerPath: "/c", source: { type: v1.Volume_Source_Type.DOCKER_VOLUME } },
      "source",
      "docker_volume",
    ),
  ),
  defect("volume_source_type_unknown", (t) =>
    mesosVolume(t, { containerPath: "/c", source: { hostPath: { path: "/h" } } }, "source", "type"),
  ),
  defect("volume_image_in_docker", (t) =>
    dockerVolume(
      t,
      { containerPath: "/c", image: { type: v1.Image_Type.DOCKER, docker: { name: "busybox" } } },
      "image",
    ),
  ),
  defect("sandbox_path_invalid", (t) =>
    mesosVolume(
      t,
      {
        containerPath: "/c",
        source: {
          type: v1.Volume_Source_Type.SANDBOX_PATH,
          sandboxPath: { type: v1.Volume_Source_SandboxPath_Type.SELF, path: "/abs" },
        },
      },
      "source",
      "sandbox_path",
      "path",
    ),
  ),
  defect("docker_volume_name_empty", (t) =>
    dockerVolume(
      t,
      {
        containerPath: "/c",
        source: { type: v1.Volume_Source_Type.DOCKER_VOLUME, dockerVolume: { name: "" } },
      },
      "source",
      "docker_volume",
      "name",
    ),
  ),
  at("volume_driver_conflict", ["container", "volumes", 0, "source"], (t) =>
    dockerContainer(
      t,
      { volumeDriver: "local" },
      {
        volumes: [
          {
            containerPath: "/c",
            mode: RW,
            source: {
              type: v1.Volume_Source_Type.DOCKER_VOLUME,
              dockerVolume: { name: "v", driver: "rexray" },
            },
          },
        ],
      },
    ),
  ),
  // --- Mesos 1.11 containers ----------------------------------------------------------------------
  at("docker_parameter_name", ["container", "docker", "parameters", 0, "key"], (t) =>
    dockerContainer(t, { parameters: [{ key: "name", value: "mine" }] }),
  ),
  at("docker_user_network_invalid", ["container", "network_infos"], (t) =>
    dockerContainer(t, { network: v1.ContainerInfo_DockerInfo_Network.USER }),
  ),
  at("port_mappings_need_bridge", ["container", "docker", "port_mappings"], (t) => {
    dockerContainer(t, { portMappings: [{ hostPort: 31000, containerPort: 80 }] });
    pushResource(t, {
      name: "ports",
      type: v1.Value_Type.RANGES,
      ranges: { range: [{ begin: 31000n, end: 31000n }] },
    });
  }),
  at("hostname_with_host_network", ["container", "hostname"], (t) =>
    dockerContainer(t, {}, { hostname: "web" }),
  ),
  at("port_not_in_resources", ["container", "docker", "port_mappings", 0, "host_port"], (t) => {
    dockerContainer(t, {
      network: v1.ContainerInfo_DockerInfo_Network.BRIDGE,
      portMappings: [{ hostPort: 31000, containerPort: 80 }],
    });
    t.resources = t.resources.filter((r) => r.name !== "ports");
    if (t.resources.length === 0) t.resources.push(scalar("cpus", 0.1));
  }),
  at("image_payload_missing", ["container", "mesos", "image", "docker"], (t) =>
    mesosContainer(t, { mesos: { image: { type: v1.Image_Type.DOCKER } } }),
  ),
  at("docker_container_in_group", ["container", "type"], (t) => {
    defaultExecutor(t, {}, { type: v1.ContainerInfo_Type.DOCKER, docker: { image: "busybox" } });
  }),
  at("share_cgroups_invalid", ["container", "linux_info", "share_cgroups"], (t) =>
    mesosContainer(t, { linuxInfo: { shareCgroups: false } }),
  ),
  defect("group_health_check_network", (t) => {
    defaultExecutor(t, {}, { type: v1.ContainerInfo_Type.MESOS, networkInfos: [{ name: "cni" }] });
    return healthCheck(t, { type: v1.HealthCheck_Type.TCP, tcp: { port: 80 } }, "type");
  }),
  // --- Mesos 1.11 executors -----------------------------------------------------------------------
  at("executor_type_not_custom", ["executor", "type"], (t) =>
    launchExecutor(t, { type: v1.ExecutorInfo_Type.UNKNOWN, command: { value: "./e" } }),
  ),
  at("default_executor_command_set", ["executor", "command"], (t) =>
    defaultExecutor(t, { command: { value: "./e" } }),
  ),
  at("default_executor_container_invalid", ["executor", "container", "mesos", "image"], (t) =>
    defaultExecutor(t, {
      container: {
        type: v1.ContainerInfo_Type.MESOS,
        mesos: { image: { type: v1.Image_Type.DOCKER, docker: { name: "busybox" } } },
      },
    }),
  ),
  at("executor_resources_too_small", ["executor", "resources"], (t) =>
    defaultExecutor(t, {
      resources: [scalar("cpus", 0.001), scalar("mem", 32), scalar("disk", 1)],
    }),
  ),
  // --- durations, checks, limits ------------------------------------------------------------------
  at("duration_negative", ["kill_policy", "grace_period", "nanoseconds"], (t) => {
    t.killPolicy = create(v1.KillPolicySchema, { gracePeriod: { nanoseconds: -1n } });
  }),
  defect("check_type_missing", (t) => healthCheck(t, { command: { value: "true" } }, "type")),
  defect("check_payload_missing", (t) => healthCheck(t, { type: v1.HealthCheck_Type.TCP }, "tcp")),
  defect("check_http_invalid", (t) =>
    healthCheck(
      t,
      { type: v1.HealthCheck_Type.HTTP, http: { port: 80, path: "health" } },
      "http",
      "path",
    ),
  ),
  at("limit_key_unsupported", ["limits", "gpus"], (t) => limits(t, { gpus: 1 })),
  at("limit_without_request", ["limits", "mem"], (t) => {
    t.resources = t.resources.filter((r) => r.name !== "mem");
    if (t.resources.length === 0) t.resources.push(scalar("cpus", 0.1));
    limits(t, { mem: 64 });
  }),
  at("limit_below_request", ["limits", "cpus"], (t) => {
    t.resources.push(scalar("cpus", 1));
    limits(t, { cpus: 0.5 });
  }),
  // --- environment and secrets --------------------------------------------------------------------
  defect("env_type_unknown", (t) =>
    variable(t, { type: v1.Environment_Variable_Type.UNKNOWN, value: "x" }, "type"),
  ),
  defect("env_value_missing", (t) => variable(t, {}, "value")),
  defect("env_value_and_secret", (t) =>
    variable(t, { type: SECRET, value: "x", secret: secretValue([1]) }, "value"),
  ),
  defect("secret_invalid", (t) =>
    variable(t, { type: SECRET, secret: { type: v1.Secret_Type.VALUE } }, "secret", "value"),
  ),
  defect("secret_contains_nul", (t) =>
    variable(t, { type: SECRET, secret: secretValue([104, 0, 105]) }, "secret", "value", "data"),
  ),
];

/**
 * The v1 error codes no v1 TaskInfo near miss can carry, and why (every other v1 error code has
 * a defect in V1_DEFECTS).
 */
export const V1_DEFECT_EXCLUSIONS: Readonly<Partial<Record<IssueCode, string>>> = {
  invalid_input: "reported for a value that is not a message of the schema: no TaskInfo carries it",
  task_id_duplicate: "a rule of TaskGroupInfo (two tasks of one group), not of a single TaskInfo",
  group_executor_mismatch:
    "a rule of the LAUNCH_GROUP operation (a task's executor against the operation's), not of a single TaskInfo",
  executor_type_missing:
    "a rule of the LAUNCH_GROUP executor; in a TaskInfo the executor of a group task is DEFAULT by definition",
};
