// One table row per rule (and per place a shared rule applies): the invalid side must report the
// code at the path with the table's severity; the valid side, the closest valid message, must not.
import { create, type DescMessage, type Message } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import {
  CommandInfo_URISchema,
  CommandInfoSchema,
  ContainerInfo_DockerInfo_VolumeSchema,
  ContainerInfo_DockerInfoSchema,
  ContainerInfo_Type,
  ContainerInfoSchema,
  Environment_VariableSchema,
  EnvironmentSchema,
  ExecutorIDSchema,
  ExecutorInfoSchema,
  FrameworkIDSchema,
  LabelsSchema,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  OfferSchema,
  ResourceSchema,
  SlaveIDSchema,
  TaskIDSchema,
  TaskInfoSchema,
  Value_RangesSchema,
  Value_ScalarSchema,
  Value_SetSchema,
  Value_Type,
  ValueSchema,
} from "../../gen/mesos/mesos_pb.js";
import { CODES, type IssueCode } from "../../src/problems/index.js";
import type { IssuePath, ValidateOptions } from "../../src/validation/index.js";
import { RULE_CODES } from "../../src/validation/index.js";
import { scalar } from "../fixtures/canonical.js";
import {
  anOffer,
  attr,
  attrScalar,
  check,
  cmd,
  command,
  docker,
  dockerInfo,
  exe,
  executor,
  executorTask,
  legacy,
  volume,
  withCode,
} from "./build.js";

interface Row {
  readonly name: string;
  readonly code: IssueCode;
  readonly schema: DescMessage;
  readonly invalid: () => Message;
  readonly path: IssuePath;
  readonly valid: () => Message;
  /** The valid side reports nothing at all (false where another rule must still warn). */
  readonly validClean?: boolean;
  /** Options for the valid side. */
  readonly options?: ValidateOptions;
}

const T = TaskInfoSchema;
const VOL = ["container", "docker", "volume"] as const;
const v0 = (field: string) => [...VOL, 0, field];
const setVolume = (i: number, containerDir: string, hostDir?: string, mode = Mode.RW) =>
  docker((t) => {
    dockerInfo(t).volume[i] = volume(containerDir, hostDir, mode);
  });

const rows: Row[] = [
  // --- generic -------------------------------------------------------------------------------
  {
    name: "TaskInfo.task_id missing",
    code: "required_field_missing",
    schema: T,
    invalid: () => docker((t) => (t.taskId = undefined)),
    path: ["task_id"],
    valid: () => docker(),
  },
  {
    name: "TaskInfo.name missing (scalar presence, not the empty default)",
    code: "required_field_missing",
    schema: T,
    invalid: () => docker((t) => delete (t as { name?: string }).name),
    path: ["name"],
    valid: () => docker((t) => (t.name = "")),
  },
  {
    name: "Volume.mode missing, deep in a task",
    code: "required_field_missing",
    schema: T,
    invalid: () => docker((t) => delete (dockerInfo(t).volume[0] as { mode?: Mode }).mode),
    path: v0("mode"),
    valid: () => docker((t) => (dockerInfo(t).volume[0] = volume("/data", "/var/data", Mode.RW))),
  },
  {
    name: "Volume.container_dir missing, Volume on its own",
    code: "required_field_missing",
    schema: ContainerInfo_DockerInfo_VolumeSchema,
    invalid: () => create(ContainerInfo_DockerInfo_VolumeSchema, { mode: Mode.RW }),
    path: ["container_dir"],
    valid: () => volume("/data"),
  },
  {
    name: "Resource.type missing (SCALAR is the prototype default)",
    code: "required_field_missing",
    schema: T,
    invalid: () =>
      docker(
        (t) => (t.resources[0] = create(ResourceSchema, { name: "cpus", scalar: { value: 1 } })),
      ),
    path: ["resources", 0, "type"],
    valid: () => docker((t) => (t.resources[0] = scalar("cpus", 1))),
  },
  {
    name: "Environment.Variable.value missing",
    code: "required_field_missing",
    schema: EnvironmentSchema,
    invalid: () => create(EnvironmentSchema, { variables: [{ name: "A" }] }),
    path: ["variables", 0, "value"],
    valid: () => create(EnvironmentSchema, { variables: [{ name: "A", value: "" }] }),
  },
  {
    name: "Offer.hostname missing",
    code: "required_field_missing",
    schema: OfferSchema,
    invalid: () => anOffer((o) => delete (o as { hostname?: string }).hostname),
    path: ["hostname"],
    valid: () => anOffer(),
  },
  {
    name: "Label.key missing",
    code: "required_field_missing",
    schema: LabelsSchema,
    invalid: () => create(LabelsSchema, { labels: [{ value: "v" }] }),
    path: ["labels", 0, "key"],
    valid: () => create(LabelsSchema, { labels: [{ key: "k" }] }),
  },
  {
    name: "Range.end missing",
    code: "required_field_missing",
    schema: Value_RangesSchema,
    invalid: () => create(Value_RangesSchema, { range: [{ begin: 1n }] }),
    path: ["range", 0, "end"],
    valid: () => create(Value_RangesSchema, { range: [{ begin: 1n, end: 1n }] }),
  },
  {
    name: "Volume.mode holds a number Mode does not define",
    code: "unknown_enum_value",
    schema: T,
    invalid: () => docker((t) => ((dockerInfo(t).volume[1] as { mode: number }).mode = 7)),
    path: [...VOL, 1, "mode"],
    valid: () => docker((t) => (dockerInfo(t).volume[1] = volume("/etc/app", "/etc/app", Mode.RO))),
  },
  {
    name: "ContainerInfo.type holds MESOS (2), which this schema does not model",
    code: "unknown_enum_value",
    schema: ContainerInfoSchema,
    invalid: () =>
      create(ContainerInfoSchema, { type: 2 as ContainerInfo_Type, docker: { image: "busybox" } }),
    path: ["type"],
    valid: () =>
      create(ContainerInfoSchema, {
        type: ContainerInfo_Type.DOCKER,
        docker: { image: "busybox" },
      }),
  },
  // --- DockerInfo.image ----------------------------------------------------------------------
  {
    name: "empty image",
    code: "image_empty",
    schema: T,
    invalid: () => docker((t) => (dockerInfo(t).image = "")),
    path: ["container", "docker", "image"],
    valid: () => docker((t) => (dockerInfo(t).image = "b")),
  },
  {
    name: "docker:/// URI in DockerInfo.image",
    code: "image_docker_uri",
    schema: T,
    invalid: () => docker((t) => (dockerInfo(t).image = "docker:///busybox")),
    path: ["container", "docker", "image"],
    valid: () => docker((t) => (dockerInfo(t).image = "busybox")),
  },
  {
    name: "docker:// URI (two slashes) in DockerInfo.image",
    code: "image_docker_uri",
    schema: ContainerInfo_DockerInfoSchema,
    invalid: () => create(ContainerInfo_DockerInfoSchema, { image: "docker://busybox" }),
    path: ["image"],
    valid: () => create(ContainerInfo_DockerInfoSchema, { image: "docker.io/busybox" }),
  },
  {
    name: "uppercase image path",
    code: "image_invalid",
    schema: T,
    invalid: () => docker((t) => (dockerInfo(t).image = "BusyBox:1.36")),
    path: ["container", "docker", "image"],
    valid: () => docker((t) => (dockerInfo(t).image = "busybox:1.36")),
  },
  {
    name: "tag longer than 128",
    code: "image_invalid",
    schema: ContainerInfo_DockerInfoSchema,
    invalid: () => create(ContainerInfo_DockerInfoSchema, { image: `busybox:${"t".repeat(129)}` }),
    path: ["image"],
    valid: () => create(ContainerInfo_DockerInfoSchema, { image: `busybox:${"t".repeat(128)}` }),
  },
  {
    name: "legacy image after docker:/// is invalid",
    code: "image_invalid",
    schema: T,
    invalid: () => legacy((t) => setLegacyImage(t, "docker:///Busy Box")),
    path: ["command", "container", "image"],
    valid: () => legacy((t) => setLegacyImage(t, "docker:///busybox:1.36")),
    validClean: false,
  },
  {
    name: "legacy image after docker:/// is empty",
    code: "image_empty",
    schema: T,
    invalid: () => legacy((t) => setLegacyImage(t, "docker:///")),
    path: ["command", "container", "image"],
    valid: () => legacy((t) => setLegacyImage(t, "docker:///b")),
    validClean: false,
  },
  // --- Volume paths --------------------------------------------------------------------------
  {
    name: "empty container_dir",
    code: "path_empty",
    schema: T,
    invalid: () => setVolume(0, "", "/var/data"),
    path: v0("container_dir"),
    valid: () => setVolume(0, "/d", "/var/data"),
  },
  {
    name: "empty host_dir (unset is the anonymous volume)",
    code: "path_empty",
    schema: T,
    invalid: () => setVolume(0, "/data", ""),
    path: v0("host_dir"),
    valid: () => setVolume(0, "/data", undefined),
  },
  {
    name: "relative container_dir",
    code: "container_dir_not_absolute",
    schema: T,
    invalid: () => setVolume(0, "data", "/var/data"),
    path: v0("container_dir"),
    valid: () => setVolume(0, "/data", "/var/data"),
  },
  {
    name: "container_dir is /",
    code: "container_dir_is_root",
    schema: T,
    invalid: () => setVolume(0, "/", "/var/data"),
    path: v0("container_dir"),
    valid: () => setVolume(0, "/a", "/var/data"),
  },
  {
    name: "container_dir is the sandbox mount point",
    code: "container_dir_is_sandbox",
    schema: T,
    invalid: () => setVolume(0, "/mnt/mesos/sandbox", "/var/data"),
    path: v0("container_dir"),
    valid: () => setVolume(0, "/mnt/mesos/sandbox/data", "/var/data"),
  },
  {
    name: "relative host_dir",
    code: "host_dir_not_absolute",
    schema: T,
    invalid: () => setVolume(0, "/data", "var/data"),
    path: v0("host_dir"),
    valid: () => setVolume(0, "/data", "/"),
  },
  {
    name: "':' in container_dir",
    code: "path_contains_colon",
    schema: T,
    invalid: () => setVolume(0, "/a:b", "/var/data"),
    path: v0("container_dir"),
    valid: () => setVolume(0, "/a,b", "/var/data"),
  },
  {
    name: "':' in host_dir",
    code: "path_contains_colon",
    schema: T,
    invalid: () => setVolume(0, "/data", "/var/data:ro"),
    path: v0("host_dir"),
    valid: () => setVolume(0, "/data", "/var/data ro"),
  },
  {
    name: "newline in host_dir",
    code: "path_contains_control_character",
    schema: T,
    invalid: () => setVolume(0, "/data", "/var/da\nta"),
    path: v0("host_dir"),
    valid: () => setVolume(0, "/data", "/var/da ta"),
  },
  {
    name: "NUL in container_dir",
    code: "path_contains_control_character",
    schema: T,
    invalid: () => setVolume(0, "/da\0ta", "/var/data"),
    path: v0("container_dir"),
    valid: () => setVolume(0, "/daéta", "/var/data"),
  },
  {
    name: "'..' segment in host_dir",
    code: "path_has_parent_segment",
    schema: T,
    invalid: () => setVolume(0, "/data", "/var/../etc"),
    path: v0("host_dir"),
    valid: () => setVolume(0, "/data", "/var/..etc"),
  },
  {
    name: "trailing '/' on container_dir",
    code: "path_not_clean",
    schema: T,
    invalid: () => setVolume(0, "/data/", "/var/data"),
    path: v0("container_dir"),
    valid: () => setVolume(0, "/data", "/var/data"),
  },
  {
    name: "'//' and '.' in host_dir",
    code: "path_not_clean",
    schema: T,
    invalid: () => setVolume(0, "/data", "/var//./data"),
    path: v0("host_dir"),
    valid: () => setVolume(0, "/data", "/var/.data"),
  },
  {
    name: "RO without host_dir",
    code: "read_only_anonymous_volume",
    schema: T,
    invalid: () => setVolume(2, "/scratch", undefined, Mode.RO),
    path: [...VOL, 2, "mode"],
    valid: () => setVolume(2, "/scratch", "/tmp/scratch", Mode.RO),
  },
  {
    name: "same container_dir once cleaned",
    code: "duplicate_container_dir",
    schema: T,
    invalid: () => setVolume(1, "/data/", "/etc/app", Mode.RO),
    path: [...VOL, 1, "container_dir"],
    valid: () => setVolume(1, "/data2", "/etc/app", Mode.RO),
  },
  {
    name: "same container_dir, DockerInfo on its own",
    code: "duplicate_container_dir",
    schema: ContainerInfo_DockerInfoSchema,
    invalid: () =>
      create(ContainerInfo_DockerInfoSchema, {
        image: "busybox",
        volume: [volume("/a", "/x"), volume("/b", "/y"), volume("/a", "/z")],
      }),
    path: ["volume", 2, "container_dir"],
    valid: () =>
      create(ContainerInfo_DockerInfoSchema, {
        image: "busybox",
        volume: [volume("/a", "/x"), volume("/b", "/y"), volume("/c", "/x")],
      }),
  },
  // --- ContainerInfo -------------------------------------------------------------------------
  {
    name: "DOCKER without docker",
    code: "docker_info_missing",
    schema: T,
    invalid: () => docker((t) => (t.container = create(ContainerInfoSchema, { type: 1 }))),
    path: ["container", "docker"],
    valid: () => docker(),
  },
  // --- CommandInfo ---------------------------------------------------------------------------
  {
    name: "shell (default true) without value",
    code: "shell_command_missing",
    schema: T,
    invalid: () => command((t) => delete (t.command as { value?: string }).value),
    path: ["command", "value"],
    valid: () => command((t) => (cmd(t).value = "true")),
  },
  {
    name: "shell with an empty value, in a Docker task",
    code: "shell_command_missing",
    schema: T,
    invalid: () => docker((t) => (cmd(t).value = "")),
    path: ["command", "value"],
    valid: () => docker((t) => Object.assign(cmd(t), { value: "", shell: false })),
  },
  {
    name: "shell false without value on a plain command task",
    code: "executable_missing",
    schema: T,
    invalid: () => command((t) => Object.assign(cmd(t), { shell: false, value: undefined })),
    path: ["command", "value"],
    valid: () => command((t) => Object.assign(cmd(t), { shell: false, value: "/bin/true" })),
  },
  {
    name: "shell false without value, CommandInfo on its own (no image assumed)",
    code: "executable_missing",
    schema: CommandInfoSchema,
    invalid: () => create(CommandInfoSchema, { shell: false }),
    path: ["value"],
    valid: () => create(CommandInfoSchema, { shell: false }),
    options: { imageEntrypoint: true },
  },
  {
    name: "arguments with shell true",
    code: "arguments_ignored_with_shell",
    schema: T,
    invalid: () => command((t) => t.command?.arguments.push("-x")),
    path: ["command", "arguments"],
    valid: () =>
      command(
        (t) =>
          t.command &&
          Object.assign(t.command, { shell: false, value: "/bin/echo", arguments: ["echo", "-x"] }),
      ),
  },
  {
    name: "empty environment variable name",
    code: "env_name_empty",
    schema: T,
    invalid: () => command((t) => t.command?.environment?.variables.push(envVar("", "x"))),
    path: ["command", "environment", "variables", 1, "name"],
    valid: () => command((t) => t.command?.environment?.variables.push(envVar("_", "x"))),
  },
  {
    name: "'=' in an environment variable name",
    code: "env_name_contains_equals",
    schema: T,
    invalid: () => docker((t) => t.command?.environment?.variables.push(envVar("A=B", "x"))),
    path: ["command", "environment", "variables", 1, "name"],
    valid: () => docker((t) => t.command?.environment?.variables.push(envVar("A", "B=x"))),
  },
  {
    name: "duplicate environment variable name",
    code: "env_name_duplicate",
    schema: T,
    invalid: () => docker((t) => t.command?.environment?.variables.push(envVar("MODE", "x"))),
    path: ["command", "environment", "variables", 1, "name"],
    valid: () => docker((t) => t.command?.environment?.variables.push(envVar("mode", "x"))),
  },
  {
    name: "empty URI value",
    code: "uri_value_empty",
    schema: T,
    invalid: () => command((t) => (cmd(t).uris[0] = uri(""))),
    path: ["command", "uris", 0, "value"],
    valid: () => command((t) => (cmd(t).uris[0] = uri("/opt/app.tgz"))),
  },
  // --- IDs -----------------------------------------------------------------------------------
  {
    name: "empty TaskID",
    code: "id_empty",
    schema: T,
    invalid: () => docker((t) => (t.taskId = id(""))),
    path: ["task_id", "value"],
    valid: () => docker((t) => (t.taskId = id("a"))),
  },
  {
    name: "empty ExecutorID in an Offer's executor_ids",
    code: "id_empty",
    schema: OfferSchema,
    invalid: () => anOffer((o) => (o.executorIds[0] = executorId(""))),
    path: ["executor_ids", 0, "value"],
    valid: () => anOffer((o) => (o.executorIds[0] = executorId("e"))),
  },
  {
    name: "TaskID of 256 ASCII characters",
    code: "id_too_long",
    schema: T,
    invalid: () => docker((t) => (t.taskId = id("x".repeat(256)))),
    path: ["task_id", "value"],
    valid: () => docker((t) => (t.taskId = id("x".repeat(255)))),
  },
  {
    name: "SlaveID of 128 'é' (256 UTF-8 bytes)",
    code: "id_too_long",
    schema: T,
    invalid: () => docker((t) => (t.slaveId = slaveId("é".repeat(128)))),
    path: ["slave_id", "value"],
    valid: () => docker((t) => (t.slaveId = slaveId(`${"é".repeat(127)}x`))),
  },
  {
    name: "TaskID '..'",
    code: "id_reserved",
    schema: TaskIDSchema,
    invalid: () => id(".."),
    path: ["value"],
    valid: () => id("..."),
  },
  {
    name: "FrameworkID '.' on an executor",
    code: "id_reserved",
    schema: ExecutorInfoSchema,
    invalid: () => executor((e) => (e.frameworkId = frameworkId("."))),
    path: ["framework_id", "value"],
    valid: () => executor((e) => (e.frameworkId = frameworkId(".a"))),
  },
  {
    name: "'/' in a TaskID",
    code: "id_invalid_characters",
    schema: T,
    invalid: () => docker((t) => (t.taskId = id("a/b"))),
    path: ["task_id", "value"],
    valid: () => docker((t) => (t.taskId = id("a b.c"))),
  },
  {
    name: "'\\' and a control character in an ExecutorID",
    code: "id_invalid_characters",
    schema: T,
    invalid: () => executorTask((t) => (exe(t).executorId = executorId("a\\b\u0001"))),
    path: ["executor", "executor_id", "value"],
    valid: () => executorTask((t) => (exe(t).executorId = executorId("a-b\u00a0"))),
  },
  // --- TaskInfo ------------------------------------------------------------------------------
  {
    name: "command and executor both set",
    code: "command_and_executor_both_set",
    schema: T,
    invalid: () => executorTask((t) => (t.command = create(CommandInfoSchema, { value: "x" }))),
    path: [],
    valid: () => executorTask(),
  },
  {
    name: "neither command nor executor",
    code: "command_and_executor_both_missing",
    schema: T,
    invalid: () => command((t) => (t.command = undefined)),
    path: [],
    valid: () => command(),
  },
  {
    name: "no resources",
    code: "resources_empty",
    schema: T,
    invalid: () => command((t) => (t.resources = [])),
    path: ["resources"],
    valid: () => command((t) => (t.resources = [scalar("cpus", 0)])),
  },
  {
    name: "task container beside an executor",
    code: "container_ignored_with_executor",
    schema: T,
    invalid: () => executorTask((t) => (t.container = docker().container)),
    path: ["container"],
    valid: () => executorTask(),
  },
  {
    name: "legacy container and ContainerInfo on a task",
    code: "legacy_and_container_both_set",
    schema: T,
    invalid: () => legacy((t) => (t.container = docker().container)),
    path: ["command", "container"],
    valid: () => legacy(),
    validClean: false,
  },
  {
    name: "legacy container and ContainerInfo on an executor",
    code: "legacy_and_container_both_set",
    schema: ExecutorInfoSchema,
    invalid: () => executor((e) => (cmd(e).container = legacyContainer("docker:///b"))),
    path: ["command", "container"],
    valid: () => executor(),
  },
  {
    name: "legacy docker:/// form",
    code: "legacy_container_deprecated",
    schema: T,
    invalid: () => legacy(),
    path: ["command", "container"],
    valid: () => docker(),
  },
  {
    name: "legacy container with another scheme",
    code: "legacy_container_not_docker",
    schema: T,
    invalid: () => legacy((t) => setLegacyImage(t, "docker://busybox")),
    path: ["command", "container", "image"],
    valid: () => legacy((t) => setLegacyImage(t, "docker:///busybox")),
    validClean: false,
  },
  // --- ExecutorInfo --------------------------------------------------------------------------
  {
    name: "Docker executor without command",
    code: "executor_command_missing",
    schema: T,
    invalid: () => executorTask((t) => (exe(t).command = undefined)),
    path: ["executor", "command"],
    valid: () => executorTask(),
  },
  // --- Resource ------------------------------------------------------------------------------
  {
    name: "resource without a name",
    code: "resource_name_empty",
    schema: T,
    invalid: () => docker((t) => (t.resources[0] = scalar("", 1))),
    path: ["resources", 0, "name"],
    valid: () => docker((t) => (t.resources[0] = scalar("gpus", 1))),
  },
  {
    name: "TEXT resource",
    code: "resource_type_unsupported",
    schema: ResourceSchema,
    invalid: () => create(ResourceSchema, { name: "t", type: Value_Type.TEXT }),
    path: ["type"],
    valid: () => create(ResourceSchema, { name: "t", type: Value_Type.SET, set: {} }),
  },
  {
    name: "SCALAR resource without scalar",
    code: "resource_payload_mismatch",
    schema: T,
    invalid: () =>
      docker(
        (t) => (t.resources[0] = create(ResourceSchema, { name: "cpus", type: Value_Type.SCALAR })),
      ),
    path: ["resources", 0, "scalar"],
    valid: () => docker(),
  },
  {
    name: "RANGES resource with an extra set",
    code: "resource_payload_mismatch",
    schema: T,
    invalid: () =>
      docker((t) => {
        const ports = t.resources[2];
        if (ports) ports.set = create(Value_SetSchema);
      }),
    path: ["resources", 2, "set"],
    valid: () => docker(),
  },
  {
    name: "TEXT value without text",
    code: "resource_payload_mismatch",
    schema: ValueSchema,
    invalid: () => create(ValueSchema, { type: Value_Type.TEXT }),
    path: ["text"],
    valid: () => create(ValueSchema, { type: Value_Type.TEXT, text: { value: "" } }),
  },
  {
    name: "TEXT attribute with a scalar",
    code: "resource_payload_mismatch",
    schema: OfferSchema,
    invalid: () => anOffer((o) => (attr(o, 0).scalar = create(Value_ScalarSchema, { value: 1 }))),
    path: ["attributes", 0, "scalar"],
    valid: () => anOffer(),
  },
  {
    name: "negative scalar resource",
    code: "scalar_invalid",
    schema: T,
    invalid: () => docker((t) => (t.resources[1] = scalar("mem", -1))),
    path: ["resources", 1, "scalar", "value"],
    valid: () => docker((t) => (t.resources[1] = scalar("mem", 0))),
  },
  {
    name: "NaN scalar resource",
    code: "scalar_invalid",
    schema: T,
    invalid: () => docker((t) => (t.resources[0] = scalar("cpus", Number.NaN))),
    path: ["resources", 0, "scalar", "value"],
    valid: () => docker((t) => (t.resources[0] = scalar("cpus", Number.MAX_VALUE))),
  },
  {
    name: "infinite scalar attribute (a negative one is fine)",
    code: "scalar_invalid",
    schema: OfferSchema,
    invalid: () => anOffer((o) => (attrScalar(o, 1).value = Number.POSITIVE_INFINITY)),
    path: ["attributes", 1, "scalar", "value"],
    valid: () => anOffer((o) => (attrScalar(o, 1).value = -3)),
  },
  {
    name: "inverted range",
    code: "range_inverted",
    schema: T,
    invalid: () => docker((t) => (t.resources[2] = ranges("ports", [[5n, 3n]]))),
    path: ["resources", 2, "ranges", "range", 0],
    valid: () => docker((t) => (t.resources[2] = ranges("ports", [[3n, 3n]]))),
  },
  {
    name: "overlapping ranges",
    code: "ranges_overlap",
    schema: T,
    invalid: () =>
      docker(
        (t) =>
          (t.resources[2] = ranges("ports", [
            [1n, 5n],
            [5n, 9n],
          ])),
      ),
    path: ["resources", 2, "ranges", "range", 1],
    valid: () =>
      docker(
        (t) =>
          (t.resources[2] = ranges("ports", [
            [1n, 5n],
            [6n, 9n],
          ])),
      ),
  },
  {
    name: "duplicate set item in an offer",
    code: "set_item_duplicate",
    schema: OfferSchema,
    invalid: () => anOffer((o) => o.resources[3]?.set?.item.push("a")),
    path: ["resources", 3, "set", "item", 3],
    valid: () => anOffer((o) => o.resources[3]?.set?.item.push("A")),
  },
  // --- text that cannot travel --------------------------------------------------------------
  {
    name: "NUL in an environment value",
    code: "string_contains_nul",
    schema: T,
    invalid: () => docker((t) => (cmd(t).environment = env("A", "x\0y"))),
    path: ["command", "environment", "variables", 0, "value"],
    valid: () => docker((t) => (cmd(t).environment = env("A", "x y"))),
  },
  {
    name: "NUL in an environment name",
    code: "string_contains_nul",
    schema: T,
    invalid: () => docker((t) => (cmd(t).environment = env("A\0B", "x"))),
    path: ["command", "environment", "variables", 0, "name"],
    valid: () => docker((t) => (cmd(t).environment = env("A_B", "x"))),
  },
  {
    name: "NUL in a command value",
    code: "string_contains_nul",
    schema: T,
    invalid: () => command((t) => (cmd(t).value = "echo a\0b")),
    path: ["command", "value"],
    valid: () => command((t) => (cmd(t).value = "echo a b")),
  },
  {
    name: "NUL in an argument",
    code: "string_contains_nul",
    schema: T,
    invalid: () =>
      docker((t) => {
        cmd(t).shell = false;
        cmd(t).arguments = ["-v", "a\0"];
      }),
    path: ["command", "arguments", 1],
    valid: () =>
      docker((t) => {
        cmd(t).shell = false;
        cmd(t).arguments = ["-v", "a0"];
      }),
  },
  {
    name: "NUL in an executor's command argument",
    code: "string_contains_nul",
    schema: ExecutorInfoSchema,
    invalid: () => executor((e) => (cmd(e).arguments = ["\0"])),
    path: ["command", "arguments", 0],
    valid: () => executor((e) => (cmd(e).arguments = ["0"])),
  },
  {
    name: "an unpaired surrogate in the task name",
    code: "unpaired_surrogate",
    schema: T,
    invalid: () => docker((t) => (t.name = "web\ud800")),
    path: ["name"],
    valid: () => docker((t) => (t.name = "web\ud83d\ude00")),
  },
  {
    name: "an unpaired low surrogate in an argument (a repeated string)",
    code: "unpaired_surrogate",
    schema: T,
    invalid: () =>
      docker((t) => {
        cmd(t).shell = false;
        cmd(t).arguments = ["ok", "\udc00x"];
      }),
    path: ["command", "arguments", 1],
    valid: () =>
      docker((t) => {
        cmd(t).shell = false;
        cmd(t).arguments = ["ok", "\ud800\udc00x"];
      }),
  },
  {
    name: "an unpaired surrogate in a resource's role (an optional string no rule reads)",
    code: "unpaired_surrogate",
    schema: OfferSchema,
    invalid: () => anOffer((o) => ((o.resources[0] as { role: string }).role = "a\ud800")),
    path: ["resources", 0, "role"],
    valid: () => anOffer((o) => ((o.resources[0] as { role: string }).role = "a")),
  },
  // --- input ---------------------------------------------------------------------------------
  {
    name: "a Volume handed to validate(TaskInfoSchema, …)",
    code: "invalid_input",
    schema: T,
    invalid: () => volume("/data"),
    path: [],
    valid: () => docker(),
  },
];

describe("rule table", () => {
  test.each(rows)("$code: $name", (row) => {
    const bad = check(row.schema, row.invalid());
    const found = withCode(bad.issues, row.code);
    expect(found.map((i) => i.path)).toContainEqual(row.path);
    for (const issue of found) expect(issue.severity).toBe(CODES[row.code].severity);
    if (CODES[row.code].severity === "error") expect(bad.success).toBe(false);

    const good = check(row.schema, row.valid(), row.options);
    expect(withCode(good.issues, row.code)).toEqual([]);
    expect(good.success).toBe(true);
    if (row.validClean !== false) expect(good.issues).toEqual([]);
  });

  test("every issue code of the seed schema has a row (v1 rows: v1-rules.test.ts)", () => {
    const covered = new Set(rows.map((r) => r.code));
    const seedCodes = RULE_CODES.filter((code) => CODES[code].schemas.includes("seed"));
    expect(seedCodes.filter((code) => !covered.has(code))).toEqual([]);
  });
});

function env(name: string, value: string) {
  return create(EnvironmentSchema, { variables: [{ name, value }] });
}

function id(value: string) {
  return create(TaskIDSchema, { value });
}

function slaveId(value: string) {
  return create(SlaveIDSchema, { value });
}

function executorId(value: string) {
  return create(ExecutorIDSchema, { value });
}

function frameworkId(value: string) {
  return create(FrameworkIDSchema, { value });
}

function envVar(name: string, value: string) {
  return create(Environment_VariableSchema, { name, value });
}

function uri(value: string) {
  return create(CommandInfo_URISchema, { value });
}

function legacyContainer(image: string) {
  return create(CommandInfoSchema, { container: { image } }).container;
}

function setLegacyImage(t: { command?: { container?: { image: string } } }, image: string) {
  if (t.command?.container) t.command.container.image = image;
}

function ranges(name: string, pairs: [bigint, bigint][]) {
  return create(ResourceSchema, {
    name,
    type: Value_Type.RANGES,
    ranges: { range: pairs.map(([begin, end]) => ({ begin, end })) },
  });
}
