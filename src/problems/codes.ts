// The catalogue of every issue code this library reports: the single source of truth for codes.
// `IssueCode` is derived from it, the README rule table and the CLI's `rules` command are rendered
// from it, and the near-miss arbitraries draw from it.

export type Severity = "error" | "warning";

/**
 * The verbs that report a code: "validate" (a rule on a message), "decode" (binary or Mesos JSON
 * input), "encode" (binary or JSON output), "launch" (dockerRunArgs, conversions) and "cli" (the
 * mesos-dockerinfo command reading and writing files).
 */
export type IssueSource = "validate" | "decode" | "encode" | "launch" | "cli";

/** "seed" (package `mesos`, the 2014 DockerInfo design) or "v1" (package `mesos.v1`, Mesos 1.11). */
export type SchemaName = "seed" | "v1";

export interface CodeInfo {
  readonly severity: Severity;
  /** What the code means, in a few words. */
  readonly what: string;
  /** Why it matters (what Mesos or Docker does otherwise). */
  readonly why: string;
  /**
   * True where this is library policy beyond what Mesos itself checks before launch (almost
   * nothing about containers: users otherwise learn of these defects when a container fails on
   * an agent). For v1 rules the comparison is with Mesos 1.11 itself (master and agent).
   */
  readonly stricter: boolean;
  /** Which verbs report it. */
  readonly from: readonly IssueSource[];
  /** Which schemas' messages it applies to. */
  readonly schemas: readonly SchemaName[];
}

const VALIDATE = ["validate"] as const;
const BOTH = ["seed", "v1"] as const;
const SEED = ["seed"] as const;
const V1 = ["v1"] as const;

/**
 * The entries of validate's rules, one helper per severity, strictness and schema set:
 * `error(what, why)`; the "stricter" ones are library policy beyond Mesos.
 */
function rules(severity: Severity, stricter: boolean, schemas: readonly SchemaName[]) {
  return (what: string, why: string): CodeInfo => ({
    severity,
    what,
    why,
    stricter,
    from: VALIDATE,
    schemas,
  });
}

const error = rules("error", false, BOTH);
const stricterError = rules("error", true, BOTH);
const warning = rules("warning", false, BOTH);
const stricterWarning = rules("warning", true, BOTH);
/** Rules of Mesos 1.11 (mesos.v1 messages only). */
const v1Error = rules("error", false, V1);
const v1StricterError = rules("error", true, V1);
const v1Warning = rules("warning", false, V1);
/** Rules of the seed only (package mesos messages). */
const seedStricterError = rules("error", true, SEED);
const seedWarning = rules("warning", false, SEED);

/** The entries of what a verb reads or writes: `input(what, why, from = ["decode"])`. */
function input(
  what: string,
  why: string,
  from: readonly IssueSource[] = ["decode"],
  severity: Severity = "error",
): CodeInfo {
  return { severity, what, why, stricter: false, from, schemas: BOTH };
}

/** Entries of the launch verbs and the conversions, and of the files the CLI reads and writes. */
const launchError = (what: string, why: string) => input(what, why, ["launch"]);
const launchWarning = (what: string, why: string) => input(what, why, ["launch"], "warning");
const cliError = (what: string, why: string) => input(what, why, ["cli"]);

/** The why of every input that cannot be read at all. */
const UNREADABLE = "nothing can be read from it";
const DECODE_ENCODE = ["decode", "encode"] as const;
const EVERYWHERE = ["validate", "decode", "encode"] as const;

export const CODES = {
  // --- generic -------------------------------------------------------------------------------
  required_field_missing: input(
    "a proto2 required field is not set",
    "protobuf-es does not check required fields on create/decode; encoding then throws and Mesos rejects the message",
    EVERYWHERE,
  ),
  unknown_enum_value: input(
    "an enum field holds a number (binary) or a name (JSON) the schema does not define",
    "closed proto2 enums: Mesos drops or rejects unknown values",
    EVERYWHERE,
  ),
  // --- DockerInfo.image ----------------------------------------------------------------------
  image_empty: stricterError(
    "DockerInfo.image (or a legacy image after docker:///) is empty",
    "docker run needs an image name",
  ),
  image_docker_uri: stricterError(
    "DockerInfo.image starts with docker://",
    "the docker:/// URI form belongs to the legacy CommandInfo.ContainerInfo; DockerInfo.image is a plain reference",
  ),
  image_invalid: stricterError(
    "DockerInfo.image (or a legacy image after docker:///) is not a valid reference (distribution/reference grammar)",
    "the docker CLI refuses it when the container starts on the agent",
  ),
  // --- Volume paths --------------------------------------------------------------------------
  path_empty: stricterError(
    "a volume path (container_dir or host_dir; v1: container_path or host_path) is set but empty",
    "docker -v cannot express an empty path",
  ),
  container_dir_not_absolute: seedStricterError(
    "container_dir is not an absolute path",
    "Docker requires an absolute mount destination (for v1 messages the library follows Mesos 1.11, which joins a relative container_path under the sandbox mount point)",
  ),
  container_dir_is_root: stricterError(
    "container_dir (v1: an absolute container_path) is /",
    "Docker refuses '/' as a mount destination",
  ),
  container_dir_is_sandbox: stricterError(
    "container_dir (v1: an absolute container_path) is the Mesos sandbox mount point /mnt/mesos/sandbox",
    "Mesos always mounts the sandbox there; Docker fails with a duplicate mount point",
  ),
  host_dir_not_absolute: seedStricterError(
    "host_dir is not an absolute path",
    "the seed's rule: host_dir is an absolute host directory (for v1 messages the library follows Mesos 1.11, which joins a relative host_path under the sandbox)",
  ),
  path_contains_colon: stricterError(
    "a volume path contains ':'",
    "a ':' cannot be written in a docker -v spec",
  ),
  path_contains_control_character: stricterError(
    "a volume path contains NUL or another control character",
    "such paths cannot be passed safely to docker",
  ),
  path_has_parent_segment: stricterError(
    "a volume path contains a '..' segment",
    "'..' escapes the intended directory and Docker resolves it silently",
  ),
  path_not_clean: stricterWarning(
    "a volume path is not in clean form ('//', trailing '/', '.' segments)",
    "Docker cleans paths before comparing them; the clean form is what is mounted",
  ),
  read_only_anonymous_volume: seedStricterError(
    "mode RO without host_dir",
    "Mesos writes '-v <dir>:ro', which Docker refuses as an invalid volume specification",
  ),
  duplicate_container_dir: stricterError(
    "two volumes of one DockerInfo (v1: of one DOCKER ContainerInfo) have the same cleaned container path",
    "Docker refuses duplicate mount points",
  ),
  // --- ContainerInfo -------------------------------------------------------------------------
  docker_info_missing: error(
    "ContainerInfo type DOCKER without docker",
    "Mesos: \"DockerInfo 'docker' is not set for DOCKER typed ContainerInfo\"",
  ),
  // --- CommandInfo ---------------------------------------------------------------------------
  shell_command_missing: error(
    "shell is true (the default) but value is unset (or, as library policy, empty)",
    "Mesos: 'Shell specified but no command value provided'; /bin/sh -c '' runs nothing",
  ),
  executable_missing: stricterError(
    "shell is false and value is unset on a plain command task",
    "without an image there is no entrypoint to fall back on",
  ),
  arguments_ignored_with_shell: stricterWarning(
    "shell is true (the default) and arguments are set",
    "Mesos runs only /bin/sh -c value: the arguments are silently dropped",
  ),
  env_name_empty: stricterError(
    "an environment variable has an empty name",
    "an empty name cannot be exported",
  ),
  env_name_contains_equals: stricterError(
    "an environment variable name contains '='",
    "NAME=value would split at the wrong place",
  ),
  env_name_duplicate: stricterWarning(
    "an environment variable name appears twice",
    "only one value survives, and which one depends on the containerizer",
  ),
  uri_value_empty: stricterError(
    "a CommandInfo.URI value is empty",
    "the fetcher fails on an empty URI",
  ),
  // --- IDs -----------------------------------------------------------------------------------
  id_empty: error("an ID is empty", "Mesos: 'ID must not be empty'"),
  id_too_long: error(
    "an ID is longer than 255 bytes (UTF-8)",
    "Mesos: 'ID must not be greater than 255 characters'",
  ),
  id_reserved: error("an ID is '.' or '..'", "Mesos: \"'<id>' is disallowed\""),
  id_invalid_characters: error(
    "an ID contains a control character, '/' or '\\'",
    "Mesos: \"'<id>' contains invalid characters\"",
  ),
  // --- TaskInfo ------------------------------------------------------------------------------
  command_and_executor_both_set: error(
    "TaskInfo sets both command and executor",
    "Mesos: 'Task should have at least one (but not both) of CommandInfo or ExecutorInfo present'",
  ),
  command_and_executor_both_missing: error(
    "TaskInfo sets neither command nor executor",
    "Mesos: 'Task should have at least one (but not both) of CommandInfo or ExecutorInfo present'",
  ),
  resources_empty: error("TaskInfo has no resources", "Mesos: 'Task uses no resources'"),
  container_ignored_with_executor: warning(
    "TaskInfo.container is set together with executor",
    "Mesos does not launch anything with it; it is only handed to the executor",
  ),
  legacy_and_container_both_set: seedStricterError(
    "legacy command.container and ContainerInfo both name an image",
    "two images named: only one can be launched",
  ),
  legacy_container_deprecated: seedWarning(
    "the legacy CommandInfo.container docker:/// form is used",
    "replaced by ContainerInfo/DockerInfo in Mesos 0.20 and removed in 0.27; use migrateLegacyContainer",
  ),
  legacy_container_not_docker: seedWarning(
    "the legacy CommandInfo.container image is not a docker:/// URI",
    "only docker:/// images were launched by the Docker containerizer; other schemes are not Docker launches",
  ),
  // --- ExecutorInfo --------------------------------------------------------------------------
  executor_command_missing: error(
    "ExecutorInfo.command is not set",
    "Mesos requires it even for a Docker executor; use shell: false with no value to run the image's entrypoint",
  ),
  // --- Resource ------------------------------------------------------------------------------
  resource_name_empty: error("a resource has an empty name", "Mesos rejects it"),
  resource_type_unsupported: error(
    "a resource has type TEXT",
    "Mesos: 'Unsupported resource type'",
  ),
  resource_payload_mismatch: error(
    "a resource's (or attribute's, or value's) payload does not match its type",
    "Mesos requires exactly the payload field named by type",
  ),
  scalar_invalid: error(
    "a scalar is NaN or infinite, or a resource's scalar is negative",
    "Mesos requires finite, non-negative scalar resources",
  ),
  range_inverted: error("a range has begin > end", "Mesos rejects inverted ranges"),
  ranges_overlap: error("two ranges overlap", "Mesos rejects overlapping ranges"),
  set_item_duplicate: error("a set has a duplicate item", "Mesos rejects duplicate set items"),
  // --- Mesos 1.11 (mesos.v1): volumes (src/common/validation.cpp, src/docker/docker.cpp) -------
  volume_source_not_one: v1Error(
    "a volume sets none, or more than one, of host_path, image and source",
    "Mesos 1.11: \"Only one of them should be set: 'host_path', 'image' and 'source'\" (the master requires exactly one)",
  ),
  volume_source_payload_missing: v1Error(
    "Volume.source.type names a kind whose sub-message is not set (e.g. DOCKER_VOLUME without docker_volume, CSI_VOLUME without static_provisioning)",
    "Mesos 1.11: \"'source.docker_volume' is not set for DOCKER_VOLUME volume\"",
  ),
  volume_source_type_unknown: v1Error(
    "Volume.source.type is unset or UNKNOWN",
    "Mesos 1.11: \"'source.type' is unknown\"",
  ),
  volume_paths_both_relative: v1Error(
    "a volume of a DOCKER container has a relative host_path and a relative container_path",
    'Mesos 1.11 Docker containerizer: "Both host_path and container_path of a volume are relative" (either alone is joined under the sandbox)',
  ),
  volume_source_ignored_by_docker: v1Warning(
    "a volume of a DOCKER container has a source other than DOCKER_VOLUME (HOST_PATH, SANDBOX_PATH, SECRET, CSI_VOLUME)",
    "the Docker containerizer skips such volumes silently: nothing is mounted",
  ),
  volume_image_in_docker: v1Error(
    "a volume of a DOCKER container mounts an image (Volume.image)",
    "Mesos 1.11 Docker containerizer: 'Host path or volume source is required' (only the Mesos containerizer mounts image volumes)",
  ),
  sandbox_path_invalid: v1Error(
    "a SANDBOX_PATH source has no type (SELF or PARENT), or a path that is absolute or climbs out with '..'",
    "Mesos 1.11 (Volume.Source.SandboxPath): the path is relative to the sandbox and upward traversal is not allowed",
  ),
  docker_volume_name_empty: v1StricterError(
    "a DOCKER_VOLUME source has an empty name",
    "docker -v cannot name an empty volume",
  ),
  volume_driver_conflict: v1Error(
    "the docker volumes of one container name different drivers, or differ from DockerInfo.volume_driver",
    "Mesos 1.11: 'Only one volume driver is supported' (docker run takes one --volume-driver)",
  ),
  // --- Mesos 1.11 (mesos.v1): containers ------------------------------------------------------
  container_union_mismatch: v1Warning(
    "ContainerInfo of type DOCKER sets mesos, or of type MESOS sets docker",
    'Mesos 1.11 only logs it ("Protobuf union `mesos.ContainerInfo` with `Type == MESOS` should not have the field `docker` set"); the field is ignored',
  ),
  docker_parameter_name: v1Error(
    "a DockerInfo parameter has the key 'name'",
    "Mesos 1.11: \"Parameter in DockerInfo must not be 'name'\" (Mesos names the container itself)",
  ),
  docker_user_network_invalid: v1Error(
    "DockerInfo network USER without exactly one network_infos entry with a name",
    "Mesos 1.11: 'No network info found in container info' / 'Only a single network can be defined in Docker run' / 'No network name found in network info'",
  ),
  port_mappings_need_bridge: v1Error(
    "DockerInfo port_mappings with network HOST (the default) or NONE",
    "Mesos 1.11: 'Port mappings are only supported for bridge and user-defined networks'",
  ),
  hostname_with_host_network: v1Error(
    "ContainerInfo.hostname with DockerInfo network HOST (the default)",
    "Mesos 1.11: 'Unable to set hostname with host network mode'",
  ),
  port_not_in_resources: v1Error(
    "a Docker task's port mapping has a host_port outside the task's ports resources",
    "Mesos 1.11: 'Port mappings require port resources' / 'Port [<p>] not included in resources'",
  ),
  image_payload_missing: v1StricterError(
    "an Image of type DOCKER without docker, or of type APPC without appc (or with an empty appc name)",
    "the Mesos containerizer's provisioner has no image to pull",
  ),
  docker_container_in_group: v1Error(
    "a task or executor of a task group (LAUNCH_GROUP, or a DEFAULT executor) uses a DOCKER ContainerInfo",
    "Mesos 1.11: 'Docker ContainerInfo is not supported on the task' (or 'on the executor')",
  ),
  share_cgroups_invalid: v1Error(
    "LinuxInfo.share_cgroups true on an executor container, false on a LAUNCH task, or not false on a task group task with limits",
    "Mesos 1.11: \"The 'share_cgroups' field cannot be set to 'true' on executor containers\" / \"Only tasks in a task group may have 'share_cgroups' set to 'false'\" / \"Resource limits may only be set for tasks within a task group when the 'share_cgroups' field is set to 'false'\"",
  ),
  group_health_check_network: v1Error(
    "a task of a task group with network_infos has an HTTP or TCP health check",
    "Mesos 1.11: 'HTTP and TCP health checks are not supported for nested containers not joining parent's network'",
  ),
  // --- Mesos 1.11 (mesos.v1): executors -------------------------------------------------------
  executor_type_not_custom: v1Error(
    "the executor of a LAUNCH task sets type UNKNOWN",
    "Mesos 1.11: \"'ExecutorInfo.type' must be 'CUSTOM'\" (a DEFAULT executor makes the task a task-group task)",
  ),
  executor_type_missing: v1Error(
    "the executor of a task group has no type (or UNKNOWN)",
    "Mesos 1.11 LAUNCH_GROUP: the executor must have a type",
  ),
  default_executor_command_set: v1Error(
    "a DEFAULT executor sets command",
    "Mesos 1.11: \"'ExecutorInfo.command' must not be set for 'DEFAULT' executor\"",
  ),
  default_executor_container_invalid: v1Error(
    "a DEFAULT executor's container is not of type MESOS, or sets mesos.image",
    "Mesos 1.11: \"'ExecutorInfo.container.type' must be 'MESOS' for 'DEFAULT' executor\" / \"'ExecutorInfo.container.mesos.image' must not be set for 'DEFAULT' executor\"",
  ),
  executor_resources_too_small: v1Error(
    "a task group's executor has less than 0.01 cpus or 32 MB mem, or no disk",
    "Mesos 1.11 LAUNCH_GROUP refuses an executor below MIN_CPUS / MIN_MEM or without disk",
  ),
  group_executor_mismatch: v1Error(
    "a task of a LAUNCH_GROUP operation sets an executor other than the operation's",
    "Mesos 1.11: \"The `ExecutorInfo` of task '<id>' is different from executor '<id>'\"",
  ),
  task_id_duplicate: v1Error(
    "two tasks of one task group have the same task_id",
    "Mesos 1.11: 'Task has duplicate ID'",
  ),
  // --- Mesos 1.11 (mesos.v1): durations, checks, limits, environment ---------------------------
  duration_negative: v1Error(
    "a duration is negative: kill_policy.grace_period, max_completion_time, shutdown_grace_period, or a health check's or check's delay, interval, timeout or grace period",
    "Mesos 1.11: \"Task's 'kill_policy.grace_period' must be non-negative\" and the like",
  ),
  check_type_missing: v1Error(
    "a health check or check has no type (or UNKNOWN)",
    "Mesos 1.11: \"'HealthCheck.type' is required\" (the master rejects the task)",
  ),
  check_payload_missing: v1Error(
    "a health check or check of type COMMAND, HTTP or TCP lacks command, http or tcp",
    "Mesos 1.11: \"Expecting 'command' to be set for COMMAND health check\" and the like",
  ),
  check_http_invalid: v1Error(
    "an HTTP health check's scheme is not http or https, or its path does not start with '/'",
    "Mesos 1.11: \"Unsupported HTTP health check scheme\" / \"The path '<p>' of HTTP health check must start with '/'\"",
  ),
  limit_key_unsupported: v1Error(
    "TaskInfo.limits has a key other than cpus and mem",
    "Mesos 1.11: 'Only cpus and mem may be included in a task's resource limits'",
  ),
  limit_without_request: v1Error(
    "a cpus or mem limit without a cpus or mem resource",
    "Mesos 1.11: 'When a CPU limit is specified, a CPU request must also be specified' (and for memory)",
  ),
  limit_below_request: v1Error(
    "a cpus or mem limit below the task's cpus or mem resources",
    "Mesos 1.11: 'The cpu limit must be greater than or equal to the cpu request' (and for memory)",
  ),
  env_type_unknown: v1Error(
    "an environment variable of type UNKNOWN",
    "Mesos 1.11: \"Environment variable of type 'UNKNOWN' is not allowed\"",
  ),
  env_value_missing: v1Error(
    "an environment variable of type VALUE (the default) without value, or of type SECRET without secret",
    "Mesos 1.11: \"Environment variable '<n>' of type 'VALUE' must have a value set\" (SECRET: 'must have a secret set')",
  ),
  env_value_and_secret: v1Error(
    "an environment variable of type VALUE with a secret, or of type SECRET with a value",
    "Mesos 1.11: \"Environment variable '<n>' of type 'VALUE' must not have a secret set\" (SECRET: 'must not have a value set')",
  ),
  secret_invalid: v1Error(
    "a Secret of type REFERENCE without reference or with value, or of type VALUE without value or with reference",
    "Mesos 1.11 validateSecret: 'Secret of type REFERENCE must have the 'reference' field set' and the like",
  ),
  secret_contains_nul: v1Error(
    "a VALUE secret of an environment variable holds a NUL byte",
    "Mesos 1.11: 'specifies a secret containing null bytes, which is not allowed in the environment'",
  ),
  // --- text that reaches exec (wave 2, validation core) -------------------------------------
  string_contains_nul: {
    ...stricterError(
      "an environment name or value, a command value or an argument contains NUL (U+0000)",
      "Mesos passes these to exec and docker as C strings, which end at the NUL: the argv that runs is cut there",
    ),
    from: ["validate", "launch"],
  },
  // --- input: bytes, JSON text, values handed to a verb -----------------------------------------
  invalid_input: input(
    "the input is not what the verb takes: not a Uint8Array, not JSON text or an object, or not a message of the schema",
    `${UNREADABLE}; the message names what was expected`,
    ["validate", "decode", "encode", "launch"],
  ),
  input_too_large: input("the input is longer than maxBytes", "a limit against memory exhaustion"),
  truncated: input(
    "the data ends inside a tag, a value, a length-delimited payload or a group",
    "the message was cut in transit",
  ),
  invalid_varint: input("a varint is longer than 10 bytes or overflows 64 bits", "not protobuf"),
  invalid_tag: input(
    "a tag with field number 0, above 2^29 - 1, or wire type 6 or 7",
    "not protobuf",
  ),
  invalid_end_group: input("an end-group tag without a matching start-group tag", "not protobuf"),
  wire_type_mismatch: input(
    "a known field arrives with a wire type its declared type cannot have",
    "the sender uses another schema (e.g. another field number layout)",
  ),
  invalid_utf8: input(
    "a string field holds bytes that are not valid UTF-8",
    "protobuf requires UTF-8 in strings; Mesos's C++ parser rejects them",
  ),
  max_depth_exceeded: input(
    "messages, groups or JSON values are nested deeper than maxDepth",
    "a limit against stack exhaustion",
  ),
  invalid_json: input("JSON text that is not JSON", UNREADABLE),
  duplicate_key: input(
    "the same JSON key, or one field under two spellings, appears twice in one object",
    "which value wins differs between parsers",
  ),
  unknown_field: input(
    "a JSON key that names no field of the message",
    "Mesos ignores unknown keys silently, so a misspelt key (taskId) loses data",
  ),
  invalid_value: input(
    "a value of the wrong kind for its field (a number for an enum, an array for a message, a non-integer for an integer)",
    'Mesos refuses it ("Not expecting a JSON <kind> for field")',
    DECODE_ENCODE,
  ),
  out_of_range: input(
    "a number outside the range of its field's type (e.g. 2^31 for an int32)",
    "it would be truncated on the wire",
    DECODE_ENCODE,
  ),
  unsafe_integer: input(
    "a bare JSON number past 2^53 - 1 for a 64-bit integer field",
    "JSON.parse would round it; write it as a string",
  ),
  invalid_base64: input("a bytes field whose JSON string is not base64", "Mesos refuses it"),
  unpaired_surrogate: input(
    "a string holds an unpaired UTF-16 surrogate",
    "UTF-8 cannot carry it: encoding would turn it into U+FFFD or fail",
    ["validate", "decode", "encode", "launch"],
  ),
  invalid_wire_format: input(
    "protobuf-es rejected the bytes for a reason with no finer code (non-strict mode only)",
    "not protobuf",
  ),
  wrong_message_type: input(
    "the message handed to encode is not of the schema's type",
    "it would be written under another type's field numbers",
    ["encode"],
  ),
  invalid_option: input(
    "an option of the call has a value it cannot use (e.g. maxDepth: NaN, a docker socket with a newline)",
    "a silently ignored limit is no limit",
    ["decode", "encode", "launch"],
  ),
  // --- RecordIO framing (v1 scheduler, executor and operator event streams) -------------------
  recordio_invalid_length: input(
    "a RecordIO length header is empty, holds a byte other than the digits 0-9, or has more than 20 digits",
    'the framing is lost, nothing after it can be read (Mesos: "Failed to decode length")',
  ),
  recordio_record_too_large: input(
    "a RecordIO length header announces more bytes than maxRecordBytes",
    "a limit against memory exhaustion, checked on the header before any of the record is buffered (mesos-go: 4 MiB)",
  ),
  // --- codec limits ---------------------------------------------------------------------------
  too_many_unknown_fields: input(
    "the input holds more unknown fields than maxUnknownFields (default 10,000 per input)",
    "each kept unknown field costs memory: 2 MB of one-byte fields would otherwise take hundreds of MiB",
  ),
  // --- launch -------------------------------------------------------------------------------
  not_docker_launch: launchError(
    "dockerRunArgs was asked for a task that launches without Docker (a command or custom executor task)",
    "no docker run command exists for it",
  ),
  legacy_conflict: launchError(
    "migrateLegacyContainer would have to drop data to migrate",
    "the legacy image and a ContainerInfo disagree",
  ),
  // --- conversion (toMesosV1 / fromMesosV1) ----------------------------------------------------
  not_in_seed: launchError(
    "a Mesos 1.11 (mesos.v1) field or enum value that the seed schema has no place for",
    "fromMesosV1 never drops data: the seed (the 2014 DockerInfo design) would lose it",
  ),
  required_in_seed: launchError(
    "a field the seed requires is unset in the mesos.v1 message (v1 made it optional)",
    "the seed message could not be encoded (a required field is missing)",
  ),
  not_in_v1: launchError(
    "a seed field that Mesos 1.11 (mesos.v1) has no place for (a non-docker:/// legacy container)",
    "toMesosV1 never drops data: Mesos 1.11 removed the legacy CommandInfo.container",
  ),
  unknown_field_conflict: launchError(
    "an unknown field whose number the other schema declares",
    "carried over, its bytes would be read as a different field; decode the message with the right schema",
  ),
  anonymous_volume_refused_by_mesos: launchWarning(
    "toMesosV1 converted a seed volume without host_dir (an anonymous Docker volume)",
    "Mesos >= 1.5 requires exactly one of host_path, image, source on every volume (src/common/validation.cpp validateVolume) and rejects the task",
  ),
  legacy_container_migrated: launchWarning(
    "toMesosV1 moved a legacy docker:/// CommandInfo.container to ContainerInfo/DockerInfo",
    "Mesos 1.11 has no CommandInfo.container; converting back gives the ContainerInfo form, not the legacy one",
  ),
  // --- cli: files the mesos-dockerinfo command reads and writes ------------------------------
  file_not_found: cliError("an input file does not exist", UNREADABLE),
  permission_denied: cliError("an input file cannot be opened for lack of permission", UNREADABLE),
  read_failed: cliError("an input file cannot be read (an I/O error)", UNREADABLE),
  write_failed: cliError(
    "convert cannot write its OUT file",
    "nothing is written: a failed conversion never leaves a partial file",
  ),
} as const satisfies Record<string, CodeInfo>;

/** Every issue code this library can report: a closed union of snake_case strings. */
export type IssueCode = keyof typeof CODES;

/** All codes, in catalogue order. */
export const ISSUE_CODES = Object.keys(CODES) as IssueCode[];
