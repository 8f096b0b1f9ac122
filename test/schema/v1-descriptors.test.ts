// The Mesos 1.11 v1 schema, fact by fact: field numbers, labels, types, defaults and deprecation
// marks as Mesos 1.11.0 include/mesos/v1/mesos.proto and include/mesos/v1/scheduler/scheduler.proto
// declare them, checked against the generated descriptors. A renumbered, relabelled, retyped or
// re-defaulted field in proto/mesos/v1 fails here even when gen/ and every golden are regenerated.
import { type DescEnum, type DescField, type DescMessage, ScalarType } from "@bufbuild/protobuf";
import { protoCamelCase } from "@bufbuild/protobuf/reflect";
import { describe, expect, test } from "vitest";
import { file_mesos_v1_mesos } from "../../gen/mesos/v1/mesos_pb.js";
import { file_mesos_v1_scheduler_scheduler } from "../../gen/mesos/v1/scheduler/scheduler_pb.js";

const FILES = [file_mesos_v1_mesos, file_mesos_v1_scheduler_scheduler];
const messages = new Map<string, DescMessage>();
const enums = new Map<string, DescEnum>();
for (const file of FILES) {
  for (const m of file.messages) addMessage(m);
  for (const e of file.enums) enums.set(e.typeName, e);
}
function addMessage(m: DescMessage): void {
  messages.set(m.typeName, m);
  for (const n of m.nestedMessages) addMessage(n);
  for (const e of m.nestedEnums) enums.set(e.typeName, e);
}

const V = "mesos.v1.";
const S = "mesos.v1.scheduler.";

type Label = "required" | "optional" | "repeated" | "map";
interface Extra {
  /** The declared default (enum defaults by value number). */
  readonly default?: unknown;
  readonly deprecated?: boolean;
}
// [message, field, number, label, type (scalar name, full message / enum name, or map<K, V>), extra]
type Row = [string, string, number, Label, string, Extra?];

const FIELDS: Row[] = [
  // ContainerInfo: docker at 3 and volumes at 2, the two numbers the seed does not share.
  [`${V}ContainerInfo`, "type", 1, "required", `${V}ContainerInfo.Type`],
  [`${V}ContainerInfo`, "volumes", 2, "repeated", `${V}Volume`],
  [`${V}ContainerInfo`, "docker", 3, "optional", `${V}ContainerInfo.DockerInfo`],
  [`${V}ContainerInfo`, "hostname", 4, "optional", "string"],
  [`${V}ContainerInfo`, "mesos", 5, "optional", `${V}ContainerInfo.MesosInfo`],
  [`${V}ContainerInfo`, "network_infos", 7, "repeated", `${V}NetworkInfo`],
  [`${V}ContainerInfo`, "linux_info", 8, "optional", `${V}LinuxInfo`],
  [`${V}ContainerInfo`, "rlimit_info", 9, "optional", `${V}RLimitInfo`],
  [`${V}ContainerInfo`, "tty_info", 10, "optional", `${V}TTYInfo`],
  [`${V}ContainerInfo.DockerInfo`, "image", 1, "required", "string"],
  [
    `${V}ContainerInfo.DockerInfo`,
    "network",
    2,
    "optional",
    `${V}ContainerInfo.DockerInfo.Network`,
    { default: 1 /* HOST */ },
  ],
  [
    `${V}ContainerInfo.DockerInfo`,
    "port_mappings",
    3,
    "repeated",
    `${V}ContainerInfo.DockerInfo.PortMapping`,
  ],
  [`${V}ContainerInfo.DockerInfo`, "privileged", 4, "optional", "bool", { default: false }],
  [`${V}ContainerInfo.DockerInfo`, "parameters", 5, "repeated", `${V}Parameter`],
  [`${V}ContainerInfo.DockerInfo`, "force_pull_image", 6, "optional", "bool"],
  [`${V}ContainerInfo.DockerInfo`, "volume_driver", 7, "optional", "string", { deprecated: true }],
  [`${V}ContainerInfo.DockerInfo.PortMapping`, "host_port", 1, "required", "uint32"],
  [`${V}ContainerInfo.DockerInfo.PortMapping`, "container_port", 2, "required", "uint32"],
  [`${V}ContainerInfo.DockerInfo.PortMapping`, "protocol", 3, "optional", "string"],
  [`${V}ContainerInfo.MesosInfo`, "image", 1, "optional", `${V}Image`],
  // Volume: top level, Mesos's names; the seed's container_dir / host_dir with the same numbers.
  [`${V}Volume`, "container_path", 1, "required", "string"],
  [`${V}Volume`, "host_path", 2, "optional", "string"],
  [`${V}Volume`, "mode", 3, "required", `${V}Volume.Mode`],
  [`${V}Volume`, "image", 4, "optional", `${V}Image`],
  [`${V}Volume`, "source", 5, "optional", `${V}Volume.Source`],
  [`${V}Volume.Source`, "type", 1, "optional", `${V}Volume.Source.Type`],
  [`${V}Volume.Source`, "docker_volume", 2, "optional", `${V}Volume.Source.DockerVolume`],
  [`${V}Volume.Source`, "sandbox_path", 3, "optional", `${V}Volume.Source.SandboxPath`],
  [`${V}Volume.Source`, "secret", 4, "optional", `${V}Secret`],
  [`${V}Volume.Source`, "host_path", 5, "optional", `${V}Volume.Source.HostPath`],
  [`${V}Volume.Source`, "csi_volume", 6, "optional", `${V}Volume.Source.CSIVolume`],
  [`${V}Volume.Source.DockerVolume`, "driver", 1, "optional", "string"],
  [`${V}Volume.Source.DockerVolume`, "name", 2, "required", "string"],
  [`${V}Volume.Source.DockerVolume`, "driver_options", 3, "optional", `${V}Parameters`],
  [`${V}Volume.Source.HostPath`, "path", 1, "required", "string"],
  [`${V}Volume.Source.HostPath`, "mount_propagation", 2, "optional", `${V}MountPropagation`],
  [`${V}Volume.Source.SandboxPath`, "type", 1, "optional", `${V}Volume.Source.SandboxPath.Type`],
  [`${V}Volume.Source.SandboxPath`, "path", 2, "required", "string"],
  [`${V}Volume.Source.CSIVolume`, "plugin_name", 1, "required", "string"],
  [
    `${V}Volume.Source.CSIVolume`,
    "static_provisioning",
    2,
    "optional",
    `${V}Volume.Source.CSIVolume.StaticProvisioning`,
  ],
  [
    `${V}Volume.Source.CSIVolume.StaticProvisioning`,
    "node_stage_secrets",
    3,
    "map",
    `map<string, ${V}Secret>`,
  ],
  [
    `${V}Volume.Source.CSIVolume.StaticProvisioning`,
    "volume_context",
    5,
    "map",
    "map<string, string>",
  ],
  [`${V}Image`, "type", 1, "required", `${V}Image.Type`],
  [`${V}Image`, "docker", 3, "optional", `${V}Image.Docker`],
  [`${V}Image`, "cached", 4, "optional", "bool", { default: true }],
  [`${V}Image.Docker`, "name", 1, "required", "string"],
  [`${V}Image.Docker`, "credential", 2, "optional", `${V}Credential`, { deprecated: true }],
  [`${V}Image.Docker`, "config", 3, "optional", `${V}Secret`],
  [`${V}Parameter`, "key", 1, "required", "string"],
  [`${V}Parameter`, "value", 2, "required", "string"],
  [`${V}NetworkInfo`, "groups", 3, "repeated", "string"],
  [`${V}NetworkInfo`, "labels", 4, "optional", `${V}Labels`],
  [`${V}NetworkInfo`, "ip_addresses", 5, "repeated", `${V}NetworkInfo.IPAddress`],
  [`${V}NetworkInfo`, "name", 6, "optional", "string"],
  [`${V}NetworkInfo`, "port_mappings", 7, "repeated", `${V}NetworkInfo.PortMapping`],
  [
    `${V}NetworkInfo.IPAddress`,
    "protocol",
    1,
    "optional",
    `${V}NetworkInfo.Protocol`,
    { default: 1 /* IPv4 */ },
  ],
  [`${V}LinuxInfo`, "capability_info", 1, "optional", `${V}CapabilityInfo`, { deprecated: true }],
  [`${V}LinuxInfo`, "share_cgroups", 8, "optional", "bool", { default: true }],
  // TaskInfo: agent_id (the seed's slave_id) at 3; limits is the one map on a task.
  [`${V}TaskInfo`, "name", 1, "required", "string"],
  [`${V}TaskInfo`, "task_id", 2, "required", `${V}TaskID`],
  [`${V}TaskInfo`, "agent_id", 3, "required", `${V}AgentID`],
  [`${V}TaskInfo`, "resources", 4, "repeated", `${V}Resource`],
  [`${V}TaskInfo`, "executor", 5, "optional", `${V}ExecutorInfo`],
  [`${V}TaskInfo`, "data", 6, "optional", "bytes"],
  [`${V}TaskInfo`, "command", 7, "optional", `${V}CommandInfo`],
  [`${V}TaskInfo`, "health_check", 8, "optional", `${V}HealthCheck`],
  [`${V}TaskInfo`, "container", 9, "optional", `${V}ContainerInfo`],
  [`${V}TaskInfo`, "labels", 10, "optional", `${V}Labels`],
  [`${V}TaskInfo`, "discovery", 11, "optional", `${V}DiscoveryInfo`],
  [`${V}TaskInfo`, "kill_policy", 12, "optional", `${V}KillPolicy`],
  [`${V}TaskInfo`, "check", 13, "optional", `${V}CheckInfo`],
  [`${V}TaskInfo`, "max_completion_time", 14, "optional", `${V}DurationInfo`],
  [`${V}TaskInfo`, "limits", 15, "map", `map<string, ${V}Value.Scalar>`],
  [`${V}TaskGroupInfo`, "tasks", 1, "repeated", `${V}TaskInfo`],
  // ExecutorInfo: command optional since 1.1 (DEFAULT executors have none), type at 15.
  [`${V}ExecutorInfo`, "executor_id", 1, "required", `${V}ExecutorID`],
  [`${V}ExecutorInfo`, "data", 4, "optional", "bytes"],
  [`${V}ExecutorInfo`, "resources", 5, "repeated", `${V}Resource`],
  [`${V}ExecutorInfo`, "command", 7, "optional", `${V}CommandInfo`],
  [`${V}ExecutorInfo`, "framework_id", 8, "optional", `${V}FrameworkID`],
  [`${V}ExecutorInfo`, "name", 9, "optional", "string"],
  [`${V}ExecutorInfo`, "source", 10, "optional", "string", { deprecated: true }],
  [`${V}ExecutorInfo`, "container", 11, "optional", `${V}ContainerInfo`],
  [`${V}ExecutorInfo`, "discovery", 12, "optional", `${V}DiscoveryInfo`],
  [`${V}ExecutorInfo`, "shutdown_grace_period", 13, "optional", `${V}DurationInfo`],
  [`${V}ExecutorInfo`, "labels", 14, "optional", `${V}Labels`],
  [`${V}ExecutorInfo`, "type", 15, "optional", `${V}ExecutorInfo.Type`],
  // CommandInfo and Environment: value optional, SECRET variables.
  [`${V}CommandInfo`, "uris", 1, "repeated", `${V}CommandInfo.URI`],
  [`${V}CommandInfo`, "environment", 2, "optional", `${V}Environment`],
  [`${V}CommandInfo`, "value", 3, "optional", "string"],
  [`${V}CommandInfo`, "user", 5, "optional", "string"],
  [`${V}CommandInfo`, "shell", 6, "optional", "bool", { default: true }],
  [`${V}CommandInfo`, "arguments", 7, "repeated", "string"],
  [`${V}CommandInfo.URI`, "extract", 3, "optional", "bool", { default: true }],
  [`${V}Environment`, "variables", 1, "repeated", `${V}Environment.Variable`],
  [`${V}Environment.Variable`, "name", 1, "required", "string"],
  [`${V}Environment.Variable`, "value", 2, "optional", "string"],
  [
    `${V}Environment.Variable`,
    "type",
    3,
    "optional",
    `${V}Environment.Variable.Type`,
    { default: 1 /* VALUE */ },
  ],
  [`${V}Environment.Variable`, "secret", 4, "optional", `${V}Secret`],
  // Offer and what it carries.
  [`${V}Offer`, "id", 1, "required", `${V}OfferID`],
  [`${V}Offer`, "framework_id", 2, "required", `${V}FrameworkID`],
  [`${V}Offer`, "agent_id", 3, "required", `${V}AgentID`],
  [`${V}Offer`, "hostname", 4, "required", "string"],
  [`${V}Offer`, "resources", 5, "repeated", `${V}Resource`],
  [`${V}Offer`, "executor_ids", 6, "repeated", `${V}ExecutorID`],
  [`${V}Offer`, "attributes", 7, "repeated", `${V}Attribute`],
  [`${V}Offer`, "url", 8, "optional", `${V}URL`],
  [`${V}Offer`, "unavailability", 9, "optional", `${V}Unavailability`],
  [`${V}Offer`, "allocation_info", 10, "optional", `${V}Resource.AllocationInfo`],
  [`${V}Offer`, "domain", 11, "optional", `${V}DomainInfo`],
  [`${V}Offer.Operation`, "type", 1, "optional", `${V}Offer.Operation.Type`],
  [`${V}Offer.Operation`, "launch", 2, "optional", `${V}Offer.Operation.Launch`],
  [`${V}Offer.Operation`, "launch_group", 7, "optional", `${V}Offer.Operation.LaunchGroup`],
  [`${V}Offer.Operation`, "id", 12, "optional", `${V}OperationID`],
  [`${V}Offer.Operation.Launch`, "task_infos", 1, "repeated", `${V}TaskInfo`],
  [`${V}Offer.Operation.LaunchGroup`, "executor", 1, "required", `${V}ExecutorInfo`],
  [`${V}Offer.Operation.LaunchGroup`, "task_group", 2, "required", `${V}TaskGroupInfo`],
  [`${V}Resource`, "name", 1, "required", "string"],
  [`${V}Resource`, "type", 2, "required", `${V}Value.Type`],
  [`${V}Resource`, "scalar", 3, "optional", `${V}Value.Scalar`],
  [`${V}Resource`, "ranges", 4, "optional", `${V}Value.Ranges`],
  [`${V}Resource`, "set", 5, "optional", `${V}Value.Set`],
  [`${V}Resource`, "role", 6, "optional", "string", { default: "*", deprecated: true }],
  [`${V}Resource`, "reservations", 13, "repeated", `${V}Resource.ReservationInfo`],
  [`${V}Value.Range`, "begin", 1, "required", "uint64"],
  [`${V}Value.Range`, "end", 2, "required", "uint64"],
  [`${V}Filters`, "refuse_seconds", 1, "optional", "double", { default: 5 }],
  [`${V}FrameworkInfo`, "role", 6, "optional", "string", { default: "*", deprecated: true }],
  [`${V}FrameworkInfo`, "offer_filters", 13, "map", `map<string, ${V}OfferFilters>`],
  [`${V}MasterInfo`, "port", 3, "required", "uint32", { default: 5050 }],
  [`${V}TaskStatus`, "task_id", 1, "required", `${V}TaskID`],
  [`${V}TaskStatus`, "state", 2, "required", `${V}TaskState`],
  [`${V}TaskStatus`, "agent_id", 5, "optional", `${V}AgentID`],
  [`${V}TaskStatus`, "uuid", 11, "optional", "bytes"],
  // Scheduler Call.
  [`${S}Call`, "framework_id", 1, "optional", `${V}FrameworkID`],
  [`${S}Call`, "type", 2, "optional", `${S}Call.Type`],
  [`${S}Call`, "subscribe", 3, "optional", `${S}Call.Subscribe`],
  [`${S}Call`, "accept", 4, "optional", `${S}Call.Accept`],
  [`${S}Call`, "decline", 5, "optional", `${S}Call.Decline`],
  [`${S}Call`, "kill", 6, "optional", `${S}Call.Kill`],
  [`${S}Call`, "shutdown", 7, "optional", `${S}Call.Shutdown`],
  [`${S}Call`, "acknowledge", 8, "optional", `${S}Call.Acknowledge`],
  [`${S}Call`, "reconcile", 9, "optional", `${S}Call.Reconcile`],
  [`${S}Call`, "message", 10, "optional", `${S}Call.Message`],
  [`${S}Call`, "request", 11, "optional", `${S}Call.Request`],
  [`${S}Call`, "accept_inverse_offers", 13, "optional", `${S}Call.AcceptInverseOffers`],
  [`${S}Call`, "decline_inverse_offers", 14, "optional", `${S}Call.DeclineInverseOffers`],
  [`${S}Call`, "revive", 15, "optional", `${S}Call.Revive`],
  [`${S}Call`, "suppress", 16, "optional", `${S}Call.Suppress`],
  [
    `${S}Call`,
    "acknowledge_operation_status",
    17,
    "optional",
    `${S}Call.AcknowledgeOperationStatus`,
  ],
  [`${S}Call`, "reconcile_operations", 18, "optional", `${S}Call.ReconcileOperations`],
  [`${S}Call`, "update_framework", 19, "optional", `${S}Call.UpdateFramework`],
  [`${S}Call.Subscribe`, "framework_info", 1, "required", `${V}FrameworkInfo`],
  [`${S}Call.Subscribe`, "suppressed_roles", 2, "repeated", "string"],
  [`${S}Call.Subscribe`, "offer_constraints", 3, "optional", `${S}OfferConstraints`],
  [`${S}Call.Accept`, "offer_ids", 1, "repeated", `${V}OfferID`],
  [`${S}Call.Accept`, "operations", 2, "repeated", `${V}Offer.Operation`],
  [`${S}Call.Accept`, "filters", 3, "optional", `${V}Filters`],
  [`${S}Call.Decline`, "offer_ids", 1, "repeated", `${V}OfferID`],
  [`${S}Call.Decline`, "filters", 2, "optional", `${V}Filters`],
  [`${S}Call.Kill`, "task_id", 1, "required", `${V}TaskID`],
  [`${S}Call.Kill`, "agent_id", 2, "optional", `${V}AgentID`],
  [`${S}Call.Kill`, "kill_policy", 3, "optional", `${V}KillPolicy`],
  [`${S}Call.Acknowledge`, "agent_id", 1, "required", `${V}AgentID`],
  [`${S}Call.Acknowledge`, "task_id", 2, "required", `${V}TaskID`],
  [`${S}Call.Acknowledge`, "uuid", 3, "required", "bytes"],
  [`${S}Call.Request`, "requests", 1, "repeated", `${V}Request`],
  [
    `${S}OfferConstraints`,
    "role_constraints",
    1,
    "map",
    `map<string, ${S}OfferConstraints.RoleConstraints>`,
  ],
  // Scheduler Event.
  [`${S}Event`, "type", 1, "optional", `${S}Event.Type`],
  [`${S}Event`, "subscribed", 2, "optional", `${S}Event.Subscribed`],
  [`${S}Event`, "offers", 3, "optional", `${S}Event.Offers`],
  [`${S}Event`, "rescind", 4, "optional", `${S}Event.Rescind`],
  [`${S}Event`, "update", 5, "optional", `${S}Event.Update`],
  [`${S}Event`, "message", 6, "optional", `${S}Event.Message`],
  [`${S}Event`, "failure", 7, "optional", `${S}Event.Failure`],
  [`${S}Event`, "error", 8, "optional", `${S}Event.Error`],
  [`${S}Event`, "inverse_offers", 9, "optional", `${S}Event.InverseOffers`],
  [`${S}Event`, "rescind_inverse_offer", 10, "optional", `${S}Event.RescindInverseOffer`],
  [`${S}Event`, "update_operation_status", 11, "optional", `${S}Event.UpdateOperationStatus`],
  [`${S}Event.Subscribed`, "framework_id", 1, "required", `${V}FrameworkID`],
  [`${S}Event.Subscribed`, "heartbeat_interval_seconds", 2, "optional", "double"],
  [`${S}Event.Subscribed`, "master_info", 3, "optional", `${V}MasterInfo`],
  [`${S}Event.Offers`, "offers", 1, "repeated", `${V}Offer`],
  [`${S}Event.Rescind`, "offer_id", 1, "required", `${V}OfferID`],
  [`${S}Event.Update`, "status", 1, "required", `${V}TaskStatus`],
  [`${S}Event.Failure`, "agent_id", 1, "optional", `${V}AgentID`],
  [`${S}Event.Failure`, "executor_id", 2, "optional", `${V}ExecutorID`],
  [`${S}Event.Failure`, "status", 3, "optional", "int32"],
  [`${S}Event.Error`, "message", 1, "required", "string"],
];

// Every value of the enums a container, a launch or a scheduler conversation depends on.
const ENUMS: [string, [string, number][]][] = [
  [
    `${V}ContainerInfo.Type`,
    [
      ["DOCKER", 1],
      ["MESOS", 2],
    ],
  ],
  [
    `${V}ContainerInfo.DockerInfo.Network`,
    [
      ["HOST", 1],
      ["BRIDGE", 2],
      ["NONE", 3],
      ["USER", 4],
    ],
  ],
  [
    `${V}Volume.Mode`,
    [
      ["RW", 1],
      ["RO", 2],
    ],
  ],
  [
    `${V}Volume.Source.Type`,
    [
      ["UNKNOWN", 0],
      ["DOCKER_VOLUME", 1],
      ["HOST_PATH", 4],
      ["SANDBOX_PATH", 2],
      ["SECRET", 3],
      ["CSI_VOLUME", 5],
    ],
  ],
  [
    `${V}Volume.Source.SandboxPath.Type`,
    [
      ["UNKNOWN", 0],
      ["SELF", 1],
      ["PARENT", 2],
    ],
  ],
  [
    `${V}Image.Type`,
    [
      ["APPC", 1],
      ["DOCKER", 2],
    ],
  ],
  [
    `${V}NetworkInfo.Protocol`,
    [
      ["IPv4", 1],
      ["IPv6", 2],
    ],
  ],
  [
    `${V}ExecutorInfo.Type`,
    [
      ["UNKNOWN", 0],
      ["DEFAULT", 1],
      ["CUSTOM", 2],
    ],
  ],
  [
    `${V}Environment.Variable.Type`,
    [
      ["UNKNOWN", 0],
      ["VALUE", 1],
      ["SECRET", 2],
    ],
  ],
  [
    `${V}Value.Type`,
    [
      ["SCALAR", 0],
      ["RANGES", 1],
      ["SET", 2],
      ["TEXT", 3],
    ],
  ],
  [
    `${V}Offer.Operation.Type`,
    [
      ["UNKNOWN", 0],
      ["LAUNCH", 1],
      ["LAUNCH_GROUP", 6],
      ["RESERVE", 2],
      ["UNRESERVE", 3],
      ["CREATE", 4],
      ["DESTROY", 5],
      ["GROW_VOLUME", 11],
      ["SHRINK_VOLUME", 12],
      ["CREATE_DISK", 13],
      ["DESTROY_DISK", 14],
    ],
  ],
  [
    `${V}TaskState`,
    [
      ["TASK_STAGING", 6],
      ["TASK_STARTING", 0],
      ["TASK_RUNNING", 1],
      ["TASK_KILLING", 8],
      ["TASK_FINISHED", 2],
      ["TASK_FAILED", 3],
      ["TASK_KILLED", 4],
      ["TASK_ERROR", 7],
      ["TASK_LOST", 5],
      ["TASK_DROPPED", 9],
      ["TASK_UNREACHABLE", 10],
      ["TASK_GONE", 11],
      ["TASK_GONE_BY_OPERATOR", 12],
      ["TASK_UNKNOWN", 13],
    ],
  ],
  [
    `${S}Call.Type`,
    [
      ["UNKNOWN", 0],
      ["SUBSCRIBE", 1],
      ["TEARDOWN", 2],
      ["ACCEPT", 3],
      ["DECLINE", 4],
      ["ACCEPT_INVERSE_OFFERS", 13],
      ["DECLINE_INVERSE_OFFERS", 14],
      ["REVIVE", 5],
      ["KILL", 6],
      ["SHUTDOWN", 7],
      ["ACKNOWLEDGE", 8],
      ["ACKNOWLEDGE_OPERATION_STATUS", 15],
      ["RECONCILE", 9],
      ["RECONCILE_OPERATIONS", 16],
      ["MESSAGE", 10],
      ["REQUEST", 11],
      ["SUPPRESS", 12],
      ["UPDATE_FRAMEWORK", 17],
    ],
  ],
  [
    `${S}Event.Type`,
    [
      ["UNKNOWN", 0],
      ["SUBSCRIBED", 1],
      ["OFFERS", 2],
      ["INVERSE_OFFERS", 9],
      ["RESCIND", 3],
      ["RESCIND_INVERSE_OFFER", 10],
      ["UPDATE", 4],
      ["UPDATE_OPERATION_STATUS", 11],
      ["MESSAGE", 5],
      ["FAILURE", 6],
      ["ERROR", 7],
      ["HEARTBEAT", 8],
    ],
  ],
];

function labelOf(f: DescField): Label {
  if (f.fieldKind === "list") return "repeated";
  if (f.fieldKind === "map") return "map";
  return f.presence === 3 /* LEGACY_REQUIRED */ ? "required" : "optional";
}

function typeOf(f: DescField): string {
  switch (f.fieldKind) {
    case "scalar":
      return ScalarType[f.scalar].toLowerCase();
    case "enum":
      return f.enum.typeName;
    case "message":
      return f.message.typeName;
    case "list":
      if (f.listKind === "scalar") return ScalarType[f.scalar].toLowerCase();
      return f.listKind === "enum" ? f.enum.typeName : f.message.typeName;
    case "map": {
      const key = ScalarType[f.mapKey].toLowerCase();
      if (f.mapKind === "scalar") return `map<${key}, ${ScalarType[f.scalar].toLowerCase()}>`;
      return `map<${key}, ${f.mapKind === "enum" ? f.enum.typeName : f.message.typeName}>`;
    }
  }
}

function defaultOf(f: DescField): unknown {
  return f.fieldKind === "scalar" || f.fieldKind === "enum" ? f.getDefaultValue() : undefined;
}

function field(msg: string, name: string): DescField {
  const f = messages.get(msg)?.fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${msg}.${name}`);
  return f;
}

describe("mesos.v1 descriptors (Mesos 1.11.0)", () => {
  test.each(FIELDS)("%s.%s = %i (%s %s)", (msg, name, number, label, type, extra) => {
    const f = field(msg, name);
    expect(f.number).toBe(number);
    expect(labelOf(f)).toBe(label);
    expect(typeOf(f)).toBe(type);
    expect(defaultOf(f)).toBe(extra?.default);
    expect(f.deprecated).toBe(extra?.deprecated ?? false);
  });

  test.each(ENUMS)("enum %s has exactly Mesos's values", (name, values) => {
    const e = enums.get(name);
    expect(e, name).toBeDefined();
    expect(e?.values.map((v) => [v.name, v.number])).toEqual(values);
  });

  test("every deprecated field is one Mesos 1.11 marks deprecated (none added, none lost)", () => {
    const deprecated: string[] = [];
    for (const [name, m] of messages)
      for (const f of m.fields) if (f.deprecated) deprecated.push(`${name}.${f.name}`);
    expect(deprecated.sort()).toEqual(
      [
        `${V}ContainerInfo.DockerInfo.volume_driver`,
        `${V}ExecutorInfo.source`,
        `${V}FrameworkInfo.role`,
        `${V}Image.Docker.credential`,
        `${V}LinuxInfo.capability_info`,
        `${V}Resource.role`,
      ].sort(),
    );
  });

  test("the only oneofs are Mesos's three: CSI access_type, constraint selector and predicate", () => {
    const oneofs: [string, string[]][] = [];
    for (const [name, m] of messages)
      for (const o of m.oneofs)
        oneofs.push([`${name}.${o.name}`, o.fields.map((f) => `${f.name}=${f.number}`)]);
    expect(oneofs.sort()).toEqual(
      [
        [`${V}Volume.Source.CSIVolume.VolumeCapability.access_type`, ["block=1", "mount=2"]],
        [
          `${S}AttributeConstraint.Predicate.predicate`,
          [
            "exists=1",
            "not_exists=2",
            "text_equals=3",
            "text_not_equals=4",
            "text_matches=5",
            "text_not_matches=6",
          ],
        ],
        [
          `${S}AttributeConstraint.Selector.selector`,
          ["pseudoattribute_type=1", "attribute_name=2"],
        ],
      ].sort() as [string, string[]][],
    );
  });

  test("no field carries a json_name: the JSON keys are Mesos's field names, camel-cased by the spec", () => {
    for (const m of messages.values())
      for (const f of m.fields)
        expect(f.jsonName, `${m.typeName}.${f.name}`).toBe(protoCamelCase(f.name));
  });

  test("no field is packed: Mesos declares none, so repeated scalars are written one tag per value", () => {
    for (const m of messages.values())
      for (const f of m.fields)
        if (f.fieldKind === "list") expect(f.packed, `${m.typeName}.${f.name}`).toBe(false);
  });

  test("the closure is self-contained: every field type is a mesos.v1 type, none from the seed", () => {
    for (const m of messages.values())
      for (const f of m.fields) {
        const t = typeOf(f);
        if (t.includes(".")) expect(t, `${m.typeName}.${f.name}`).toMatch(/(^|<|, )mesos\.v1\./);
      }
  });

  test("the roots and the size of the closure (173 messages, 32 enums, as compared with Mesos's own files)", () => {
    for (const root of [
      `${V}TaskInfo`,
      `${V}ExecutorInfo`,
      `${V}TaskGroupInfo`,
      `${V}Offer`,
      `${V}Offer.Operation`,
      `${S}Call`,
      `${S}Event`,
    ])
      expect(messages.has(root), root).toBe(true);
    expect(messages.size).toBe(173);
    expect(enums.size).toBe(32);
  });
});
