// dockerRunArgs: the `docker run` argument vector Mesos's Docker containerizer would execute for a
// docker-task or docker-executor launch (Mesos 1.11.0 src/docker/docker.cpp: `Docker::RunOptions::create` and
// `Docker::run` at Mesos 1.11), as far as the seed's fields reach.
import { failWith, type LaunchError, quote, type Result, succeed } from "../problems/index.js";
import { cleanPath, controlCharIndex } from "../rules/index.js";
import { type TaskInfo, type TaskInfoValid, Value_Type } from "../schema/index.js";
import type { TaskInfo as V1TaskInfo, TaskInfoValid as V1TaskInfoValid } from "../v1/index.js";
import { invalidTaskError, launchError, launchIssue } from "./issue.js";
import type { DockerLaunch, Launch, LaunchVolume } from "./launch.js";
import { resolveLaunch } from "./resolve-launch.js";

/** Options for the parts of the command line that come from the agent, not the TaskInfo. */
export interface DockerRunOptions {
  /**
   * The host sandbox directory, mounted at `mappedDirectory`. Mesos uses
   * `<work_dir>/slaves/<slave_id>/frameworks/<framework_id>/executors/<executor_id>/runs/<container_id>`.
   * Default: that layout under `/var/lib/mesos` with `runs/latest` (the symlink Mesos keeps to
   * the newest run), the IDs from the task (characters outside `[A-Za-z0-9_.-]` replaced by `_`),
   * and the literal `<framework_id>` when the task does not name its framework (a TaskInfo
   * never does; an ExecutorInfo may).
   */
  sandboxDirectory?: string;
  /** Where the sandbox appears in the container (agent flag `--sandbox_directory`). Default `/mnt/mesos/sandbox`. */
  mappedDirectory?: string;
  /**
   * The container name. Mesos uses `mesos-<ContainerID>`, a UUID the agent picks at launch.
   * Default: `mesos-<executor_id>`, where the executor ID is the task ID for a docker-task (the
   * agent's generated command executor takes the task's ID) and ExecutorInfo.executor_id for a
   * docker-executor, with characters outside `[A-Za-z0-9_.-]` replaced by `_` so the name is
   * one Docker accepts.
   */
  containerName?: string;
  /** The docker binary (agent flag `--docker`). Default `docker`. */
  dockerPath?: string;
  /** The Docker daemon socket path (agent flag `--docker_socket`), written as `-H unix://<path>`. Default `/var/run/docker.sock`. */
  dockerSocket?: string;
  /**
   * The environment Mesos passes besides the command's: hook variables for a docker-task; for a
   * docker-executor, the agent's executor environment (LIBPROCESS_PORT, MESOS_FRAMEWORK_ID,
   * MESOS_EXECUTOR_ID, MESOS_DIRECTORY, MESOS_SLAVE_ID, MESOS_SLAVE_PID, MESOS_AGENT_ENDPOINT,
   * MESOS_CHECKPOINT, ...), which depends on the agent and is therefore left to the caller.
   * A CommandInfo variable whose name is a key here is skipped, as Mesos does. Default `{}`.
   */
  environment?: Readonly<Record<string, string>>;
  /**
   * The agent flag `--cgroups_enable_cfs`: with it, a task without a cpus limit still gets
   * `--cpu-quota` from its cpus request. Default false.
   */
  cgroupsEnableCfs?: boolean;
  /**
   * The total memory of the agent, in bytes. Mesos 1.11 writes `--oom-score-adj
   * 1000 - 1000 × request / total` for a v1 task whose mem limit is above its request; such a task
   * needs this option (an `invalid_option` issue says so). Ignored otherwise.
   */
  agentMemoryBytes?: number;
  /**
   * The role of a v1 task's resources for `MESOS_ALLOCATION_ROLE` when its first resource carries
   * no allocation_info (the master fills it in from the offer). Default "*".
   */
  allocationRole?: string;
}

/** The result of safeDockerRunArgs: `data` is the argv. */
export type DockerRunArgsResult = Result<string[]>;

const DEFAULT_MAPPED_DIRECTORY = "/mnt/mesos/sandbox";
const DEFAULT_SOCKET = "/var/run/docker.sock";
const DEFAULT_WORK_DIR = "/var/lib/mesos";
// Mesos constants (src/slave/constants.cpp): CPU_SHARES_PER_CPU, MIN_CPU_SHARES, MIN_MEMORY.
const CPU_SHARES_PER_CPU = 1024;
const MIN_CPU_SHARES = 2n;
const MIB = 1024n * 1024n;
const MIN_MEMORY_BYTES = 32n * MIB;
// The CFS period and the smallest quota, in µs (src/slave/constants.cpp CPU_CFS_PERIOD, MIN_CPU_CFS_QUOTA).
const CFS_PERIOD_US = 100_000;
const MIN_CFS_QUOTA_US = 1_000n;
// Docker's container name grammar (daemon/names: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`).
const DOCKER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const NOT_NAME_CHARACTER = /[^a-zA-Z0-9_.-]/gu;

/**
 * The `docker run` argv that Mesos 1.11's Docker containerizer would execute for `task`, in its
 * order (Mesos 1.11.0 src/docker/docker.cpp):
 *
 * `docker -H unix://<socket> run [--cpu-shares N] [--memory BYTES] (-e K=V)… (-v SPEC)…
 * -v <sandbox>:<mapped> --net host [--entrypoint /bin/sh] --name <name> <image> [ARGS…]`
 *
 * - `--cpu-shares max(1024 × cpus, 2)` and `--memory max(mem, 32 MB)` in bytes, from the scalar
 *   `cpus`/`mem` resources (all roles summed; Mesos sums scalars in thousandths and truncates mem to
 *   whole megabytes). A docker-task uses the task's resources (the docker executor adds
 *   `task.executor.resources`, empty for a command task); a docker-executor uses the executor's
 *   plus the task's (the agent adds the first task's resources when it launches the executor).
 *   No `--cpu-quota`: that needs the agent flag `--cgroups_enable_cfs`.
 * - `-e` for every variable of one map, sorted by key in code-point order (Mesos uses a
 *   `std::map`): `options.environment`, then the command's variables (skipped when the key is in
 *   `options.environment`; a name repeated in the command keeps its last value), then
 *   `MESOS_SANDBOX=<mapped>` and `MESOS_CONTAINER_NAME=<name>`, which override any user value.
 * - `-v <host_dir>:<container_dir>:rw|ro` per volume; `-v <container_dir>` alone for an anonymous
 *   volume (no host_dir): Docker refuses a mode there. Mesos 1.x itself refuses a volume without a
 *   host path ("Host path or volume source is required"); the seed's design allows it, and this is
 *   the only way Docker accepts it. Then always `-v <sandbox>:<mapped>`.
 * - `--net host` (DockerInfo has no network field in the seed; HOST is Mesos's default).
 * - `--entrypoint /bin/sh` when `shell` is true, then `--name`, then the image exactly as given
 *   (for the legacy form, the text after `docker:///`: the argv is what Mesos 1.11 would run for the
 *   migrated task, since Mesos ≥ 0.27 no longer reads the legacy field).
 * - Arguments: `-c <value>` when `shell` is true; otherwise `<value>` (when set) followed by every
 *   `arguments[i]`, and nothing at all when both are empty (the image's ENTRYPOINT/CMD run).
 *
 * Docker and the Mesos containerizer read `arguments` differently. Docker appends all of them
 * after `value`, so they become argv[1…] of the container command and `arguments[0]` is an
 * ordinary argument: `{ shell: false, value: "/bin/echo", arguments: ["echo", "hi"] }` prints
 * "echo hi" under Docker. The Mesos containerizer (the "command" and "custom-executor" launches)
 * execs `value` with `arguments` as the whole argv, so `arguments[0]` is argv[0] (the program's
 * name) and the same command prints "hi".
 *
 * For a seed task that is all: the seed has no field for `--privileged`, `--volume-driver`,
 * `--hostname`, `-p`, docker parameters or limits. A Mesos 1.11 (mesos.v1) task gets the whole of
 * Mesos 1.11's order: `--privileged`; `--cpu-shares`, `--cpu-quota` (a finite cpus limit),
 * `--memory-reservation`, `--memory` and `--oom-score-adj` (from TaskInfo.limits, see
 * `agentMemoryBytes`); the sorted `-e` with `MESOS_ALLOCATION_ROLE`; `-v` per volume (a relative
 * container_path under the mapped sandbox, a relative host_path under the host sandbox unless
 * DockerInfo.volume_driver is set, `<name>:<path>:<mode>` for a DOCKER_VOLUME; other sources are
 * skipped, as Mesos does); the sandbox `-v`; `--volume-driver=<driver>`; `--net
 * host|bridge|none|<network_infos[0].name>`; `--hostname`; `-p host:container[/protocol]` per
 * mapping; `--entrypoint /bin/sh`; `--name`; each parameter as `--key=value`, in order; the image
 * and the command. Never written (they come from the agent): `--device`, `--dns*`.
 *
 * @throws LaunchError with validate()'s issues when the task is invalid (`.code` is the first
 *   error's), or one issue `not_docker_launch` (a command, custom-executor, mesos-task or
 *   default-executor launch) or `invalid_option`.
 */
export function dockerRunArgs(
  task: TaskInfo | V1TaskInfo,
  options: DockerRunOptions = {},
): string[] {
  return orThrow(buildDockerRunArgs(task, undefined, options));
}

/** dockerRunArgs without throwing: `{ success: true, data: argv }` or `{ success: false, issues }`. */
export function safeDockerRunArgs(
  task: TaskInfo | V1TaskInfo,
  options: DockerRunOptions = {},
): DockerRunArgsResult {
  const result = buildDockerRunArgs(task, undefined, options);
  return Array.isArray(result) ? succeed(result) : failWith(result);
}

/**
 * Internal (the CLI, which has just resolved the task): dockerRunArgs for `task` and the Launch
 * resolveLaunch(task) returned, without resolving (so validating) it a second time.
 * @throws LaunchError as dockerRunArgs does for a launch that is not Docker or a bad option.
 */
export function dockerRunArgsOf(
  task: TaskInfo | V1TaskInfo,
  launch: Launch,
  options: DockerRunOptions = {},
): string[] {
  return orThrow(buildDockerRunArgs(task, launch, options));
}

function orThrow(result: string[] | LaunchError): string[] {
  if (!Array.isArray(result)) throw result;
  return result;
}

// The resource shape the argv reads (both schemas).
interface RunResource {
  readonly name: string;
  readonly type: number;
  readonly scalar?: { readonly value: number } | undefined;
  readonly allocationInfo?: { readonly role: string } | undefined;
}

/** The argv, or the LaunchError to throw; `launch` is resolveLaunch(task)'s when the caller has it. */
function buildDockerRunArgs(
  task: TaskInfo | V1TaskInfo,
  launch: Launch | undefined,
  options: DockerRunOptions,
): string[] | LaunchError {
  if (typeof options !== "object" || options === null) {
    return invalidOption("options", options, "must be an object (or omitted)");
  }
  if (launch === undefined) {
    const resolved = resolveLaunch(task);
    if (!resolved.success) return invalidTaskError("dockerRunArgs", task, resolved.issues);
    launch = resolved.data;
  }
  // resolveLaunch succeeded, so validate() did: the required fields are set.
  const valid = task as TaskInfoValid | V1TaskInfoValid;
  if (launch.kind !== "docker-task" && launch.kind !== "docker-executor") {
    return notDockerLaunch(launch);
  }
  const executorId = launch.kind === "docker-executor" ? launch.executor.id : valid.taskId.value;
  const name = options.containerName ?? `mesos-${dockerSafe(executorId)}`;
  const mapped = options.mappedDirectory ?? DEFAULT_MAPPED_DIRECTORY;
  const sandbox = options.sandboxDirectory ?? defaultSandbox(valid, launch, executorId);
  const environment = options.environment ?? {};
  const dockerPath = options.dockerPath ?? "docker";
  const socket = options.dockerSocket ?? DEFAULT_SOCKET;
  const optionError = checkOptions(launch, name, mapped, sandbox, environment, dockerPath, socket);
  if (optionError !== undefined) return optionError;

  const args = [dockerPath, "-H", `unix://${socket}`, "run"];
  const docker = launch.docker;
  if (docker?.privileged === true) args.push("--privileged");

  const taskResources: readonly RunResource[] = valid.resources;
  const executorResources: readonly RunResource[] =
    launch.kind === "docker-executor" ? launch.executor.info.resources : [];
  // Limits reach docker run for a Docker task (the docker executor passes task.limits).
  const limits =
    launch.schema === "v1" && launch.kind === "docker-task"
      ? (valid as V1TaskInfoValid).limits
      : undefined;
  const resources = resourceOptions(
    scalarSum(taskResources, executorResources, "cpus"),
    scalarSum(taskResources, executorResources, "mem"),
    limits?.cpus?.value,
    limits?.mem?.value,
    options,
  );
  if (!Array.isArray(resources)) return resources;
  args.push(...resources);

  const env = new Map<string, string>(Object.entries(environment));
  for (const variable of launch.command.environment) {
    if (!Object.hasOwn(environment, variable.name)) env.set(variable.name, variable.value);
  }
  env.set("MESOS_SANDBOX", mapped);
  env.set("MESOS_CONTAINER_NAME", name);
  if (launch.schema === "v1") {
    // Mesos 1.9+: the role of the first resource of the launch (the executor's come first).
    const role = (executorResources[0] ?? taskResources[0])?.allocationInfo?.role;
    const fallback = options.allocationRole ?? "*";
    env.set("MESOS_ALLOCATION_ROLE", role !== undefined && role !== "" ? role : fallback);
  }
  for (const key of [...env.keys()].sort(compareCodePoints)) {
    args.push("-e", `${key}=${env.get(key)}`);
  }

  for (const volume of launch.volumes) {
    const spec =
      launch.schema === "v1"
        ? v1VolumeSpec(volume, sandbox, mapped, docker?.volumeDriverDeclared === true)
        : volume.hostDir === undefined
          ? volume.containerDir
          : `${volume.hostDir}:${volume.containerDir}:${volume.mode}`;
    if (spec !== undefined) args.push("-v", spec);
  }
  args.push("-v", `${sandbox}:${mapped}`);
  if (docker?.volumeDriver !== undefined) args.push(`--volume-driver=${docker.volumeDriver}`);
  args.push("--net", docker === undefined ? "host" : netValue(docker));
  if (docker?.hostname !== undefined) args.push("--hostname", docker.hostname);
  for (const mapping of docker?.portMappings ?? []) {
    const protocol = mapping.protocol === undefined ? "" : `/${mapping.protocol.toLowerCase()}`;
    args.push("-p", `${mapping.hostPort}:${mapping.containerPort}${protocol}`);
  }

  const command = launch.command;
  if (command.shell) args.push("--entrypoint", "/bin/sh");
  args.push("--name", name);
  for (const parameter of docker?.parameters ?? []) {
    args.push(`--${parameter.key}=${parameter.value}`);
  }
  args.push(launch.rawImage);
  if (command.shell) {
    // validate() guarantees a value when shell is true (shell_command_missing).
    args.push("-c", command.value as string);
  } else {
    if (command.value !== undefined) args.push(command.value);
    args.push(...command.arguments);
  }
  return args;
}

/**
 * The cpu and memory options in Mesos 1.11's order (src/docker/docker.cpp, RunOptions::create):
 * `--cpu-shares max(1024 × request, 2)`; `--cpu-quota max(100 ms × limit, 1 ms)` in µs for a
 * finite cpus limit (or the request, with --cgroups_enable_cfs); with a mem limit,
 * `--memory-reservation max(request, 32 MB)`, `--memory max(limit, 32 MB)` unless the limit is
 * infinite, and `--oom-score-adj` when the request is below the limit; without one,
 * `--memory max(request, 32 MB)`. Megabytes are truncated to whole MB, as Mesos does.
 */
function resourceOptions(
  cpus: number | undefined,
  mem: number | undefined,
  cpuLimit: number | undefined,
  memLimit: number | undefined,
  options: DockerRunOptions,
): string[] | LaunchError {
  const out: string[] = [];
  if (cpus !== undefined) {
    const shares = wholeNumber(CPU_SHARES_PER_CPU * cpus);
    out.push("--cpu-shares", String(shares > MIN_CPU_SHARES ? shares : MIN_CPU_SHARES));
  }
  const quotaOf = (c: number) => {
    const quota = wholeNumber(CFS_PERIOD_US * c);
    return String(quota > MIN_CFS_QUOTA_US ? quota : MIN_CFS_QUOTA_US);
  };
  if (cpuLimit !== undefined) {
    if (Number.isFinite(cpuLimit)) out.push("--cpu-quota", quotaOf(cpuLimit));
  } else if (options.cgroupsEnableCfs === true && cpus !== undefined) {
    out.push("--cpu-quota", quotaOf(cpus));
  }
  const requestBytes = mem === undefined ? undefined : wholeNumber(mem) * MIB;
  const atLeast32 = (b: bigint) => String(b > MIN_MEMORY_BYTES ? b : MIN_MEMORY_BYTES);
  if (memLimit === undefined) {
    if (requestBytes !== undefined) out.push("--memory", atLeast32(requestBytes));
    return out;
  }
  const finite = Number.isFinite(memLimit);
  const limitBytes = finite ? wholeNumber(memLimit) * MIB : undefined;
  if (requestBytes !== undefined) out.push("--memory-reservation", atLeast32(requestBytes));
  if (limitBytes !== undefined) out.push("--memory", atLeast32(limitBytes));
  if (requestBytes !== undefined && (limitBytes === undefined || requestBytes < limitBytes)) {
    const total = options.agentMemoryBytes;
    if (typeof total !== "number" || !Number.isSafeInteger(total) || total <= 0) {
      return invalidOption(
        "agentMemoryBytes",
        total,
        "is needed: the task's mem limit is above its request, and Mesos 1.11 then adds --oom-score-adj 1000 - 1000 × request / (the agent's total memory); pass the agent's memory in bytes",
      );
    }
    out.push("--oom-score-adj", String(1000n - (1000n * requestBytes) / BigInt(total)));
  }
  return out;
}

/**
 * `x` truncated to an integer, exactly (a double is an integer times a power of two). A product
 * or sum of huge (valid, finite) scalars can overflow to Infinity: it saturates at the largest
 * double rather than throw, so the argv shows the absurd amount Docker will refuse.
 */
function wholeNumber(x: number): bigint {
  return BigInt(Math.trunc(Number.isFinite(x) ? x : Number.MAX_VALUE));
}

/** A v1 volume's `-v` spec, by the rules dockerRunArgs states (Mesos 1.11.0 src/docker/docker.cpp). */
function v1VolumeSpec(
  volume: LaunchVolume,
  sandbox: string,
  mapped: string,
  volumeDriver: boolean,
): string | undefined {
  const target = volume.containerDir.startsWith("/")
    ? volume.containerDir
    : joinPath(mapped, volume.containerDir);
  const host = volume.hostDir;
  if (host !== undefined) {
    const from = host.startsWith("/") || volumeDriver ? host : joinPath(sandbox, host);
    return `${from}:${target}:${volume.mode}`;
  }
  if (volume.source === "DOCKER_VOLUME" && volume.volumeName !== undefined) {
    return `${volume.volumeName}:${target}:${volume.mode}`;
  }
  return undefined;
}

// stout's path::join of two parts: one '/' between them.
function joinPath(base: string, rest: string): string {
  return `${base.replace(/\/+$/, "")}/${rest.replace(/^\/+/, "")}`;
}

function netValue(docker: NonNullable<DockerLaunch["docker"]>): string {
  return docker.network === "user" ? (docker.networkName ?? "") : docker.network;
}

/**
 * The sum of the SCALAR resources called `name` over both lists, computed as Mesos does in
 * thousandths (Value::Scalar arithmetic is fixed-point since 0.28), or undefined if none.
 */
function scalarSum(
  first: readonly RunResource[],
  second: readonly RunResource[],
  name: string,
): number | undefined {
  let thousandths = 0;
  let plain = 0;
  let found = false;
  for (const resource of [...first, ...second]) {
    if (resource.name === name && resource.type === Value_Type.SCALAR && resource.scalar) {
      thousandths += Math.round(resource.scalar.value * 1000);
      plain += resource.scalar.value;
      found = true;
    }
  }
  if (!found) return undefined;
  // Past 2^53 thousandths the fixed point is meaningless (and may overflow): the plain sum then.
  return Number.isSafeInteger(thousandths) ? thousandths / 1000 : plain;
}

/** Order of C++ `std::string` comparison on UTF-8 text: Unicode code point order. */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  const differ = x.findIndex((cp, i) => cp !== y[i]);
  if (differ < 0 || differ >= y.length) return x.length - y.length;
  return (x[differ] as number) - (y[differ] as number);
}

/** Replaces every character Docker does not allow in a container name with `_`. */
function dockerSafe(id: string): string {
  return id.replace(NOT_NAME_CHARACTER, "_");
}

function defaultSandbox(
  task: TaskInfoValid | V1TaskInfoValid,
  launch: DockerLaunch,
  executorId: string,
): string {
  const frameworkId =
    launch.kind === "docker-executor" ? launch.executor.info.frameworkId?.value : undefined;
  const framework = frameworkId === undefined ? "<framework_id>" : dockerSafe(frameworkId);
  const slave = dockerSafe("agentId" in task ? task.agentId.value : task.slaveId.value);
  return `${DEFAULT_WORK_DIR}/slaves/${slave}/frameworks/${framework}/executors/${dockerSafe(executorId)}/runs/latest`;
}

function checkOptions(
  launch: DockerLaunch,
  name: string,
  mapped: string,
  sandbox: string,
  environment: Readonly<Record<string, string>>,
  dockerPath: string,
  socket: string,
): LaunchError | undefined {
  if (typeof dockerPath !== "string" || dockerPath === "" || controlCharIndex(dockerPath) >= 0) {
    return invalidOption("dockerPath", dockerPath, "must be a non-empty path to the docker binary");
  }
  const socketProblem = absolutePathProblem(socket);
  if (socketProblem !== undefined) {
    return invalidOption("dockerSocket", socket, `must be an absolute path (${socketProblem})`);
  }
  if (typeof name !== "string" || !DOCKER_NAME.test(name)) {
    return invalidOption(
      "containerName",
      name,
      "must match Docker's container name grammar [a-zA-Z0-9][a-zA-Z0-9_.-]+",
    );
  }
  for (const [option, path] of [
    ["sandboxDirectory", sandbox],
    ["mappedDirectory", mapped],
  ] as const) {
    const problem =
      absolutePathProblem(path) ??
      (path.includes(":") ? "a ':' cannot be written in a docker -v spec" : undefined);
    if (problem !== undefined) {
      return invalidOption(option, path, `must be an absolute directory (${problem})`);
    }
  }
  const mappedClean = cleanPath(mapped);
  if (mappedClean === "/") {
    return invalidOption(
      "mappedDirectory",
      mapped,
      "must not be '/' (Docker refuses it as a mount point)",
    );
  }
  for (const [index, volume] of launch.volumes.entries()) {
    if (cleanPath(volume.containerDir) === mappedClean) {
      return invalidOption(
        "mappedDirectory",
        mapped,
        `collides with volume ${index}'s container_dir ${JSON.stringify(volume.containerDir)} (Docker fails with "Duplicate mount point"); choose another mapped directory or move the volume`,
      );
    }
  }
  if (typeof environment !== "object" || environment === null) {
    return invalidOption("environment", environment, "must be an object of NAME: value strings");
  }
  for (const [key, value] of Object.entries(environment)) {
    if (key === "" || key.includes("=") || typeof value !== "string") {
      return invalidOption(
        "environment",
        key,
        "needs non-empty names without '=' and string values (each becomes -e NAME=value)",
      );
    }
  }
  return undefined;
}

function absolutePathProblem(path: unknown): string | undefined {
  if (typeof path !== "string") return `got ${typeof path}`;
  if (!path.startsWith("/")) return "it does not start with '/'";
  // NUL and other control characters cannot be passed safely in an argv element or a -v spec.
  if (controlCharIndex(path) >= 0) return "it contains a control character";
  return undefined;
}

function invalidOption(option: string, value: unknown, problem: string): LaunchError {
  return launchError(
    "dockerRunArgs: invalid option",
    launchIssue(
      "invalid_option",
      ["options", option],
      `dockerRunArgs: option ${option} ${typeof value === "string" ? quote(value) : String(value)} ${problem}.`,
    ),
  );
}

function notDockerLaunch(launch: Launch): LaunchError {
  const onTask = launch.kind === "command" || launch.kind === "mesos-task";
  const how =
    launch.kind === "command"
      ? "a command task (its CommandInfo runs under the Mesos CommandExecutor, without a container)"
      : launch.kind === "mesos-task"
        ? "a MESOS container task (the Mesos containerizer runs it, without Docker)"
        : launch.kind === "default-executor"
          ? `a task of Mesos's default executor ${JSON.stringify(launch.executor?.id)} (the Mesos containerizer runs it in a nested container, without Docker)`
          : `a custom executor task (executor ${JSON.stringify(launch.executor?.id)} runs under the Mesos containerizer, without Docker)`;
  const fix =
    launch.kind === "default-executor"
      ? "launch it without the DEFAULT executor, with container: { type: DOCKER, docker: { image } } on the task"
      : onTask
        ? "set container: { type: DOCKER, docker: { image } } on the task"
        : "set container: { type: DOCKER, docker: { image } } on the executor";
  return launchError(
    "dockerRunArgs: not a Docker launch",
    launchIssue(
      "not_docker_launch",
      onTask ? ["container"] : ["executor", "container"],
      `dockerRunArgs: the task is ${how}, so Mesos runs no docker command for it. To launch it with Docker, ${fix}.`,
    ),
  );
}
