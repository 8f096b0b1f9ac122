// describeLaunch: one or two sentences saying how Mesos would start a task (used by the CLI).
import type {
  DockerLaunch,
  Launch,
  LaunchCommand,
  LaunchDockerSettings,
  LaunchMesosImage,
  LaunchVolume,
} from "./launch.js";

// Long command values are cut so the description stays short; the full command is in the
// launch object and in dockerRunArgs.
const MAX_VALUE_LENGTH = 80;
const MAX_LISTED_VOLUMES = 5;
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * A short human-readable explanation of a launch, e.g.
 * `Docker task: runs image busybox:1.36 (docker.io/library/busybox:1.36) with /bin/sh -c 'ls /data',
 * 2 volumes (/var/data:/data:rw, anonymous /scratch).`
 * Command values longer than 80 characters are shortened with "…".
 */
export function describeLaunch(launch: Launch): string {
  switch (launch.kind) {
    case "command":
      return `Command task: the Mesos CommandExecutor ${mesosCommand(launch.command)} (no container).`;
    case "custom-executor":
      return `Custom executor: the Mesos containerizer starts executor ${executorLabel(launch.executor)}, which ${mesosCommand(launch.command)} (no Docker container); the executor then receives the task.`;
    case "docker-task":
      return `${legacyPrefix(launch, "Docker task")}runs image ${nameLabel(launch.rawImage, launch.image.string)} with ${dockerCommand(launch.command)}, ${volumesLabel(launch.volumes)}${settingsLabel(launch.docker)}.`;
    case "docker-executor":
      return `${legacyPrefix(launch, "Docker executor")}runs image ${nameLabel(launch.rawImage, launch.image.string)} as executor ${executorLabel(launch.executor)} with ${dockerCommand(launch.command)}, ${volumesLabel(launch.volumes)}${settingsLabel(launch.docker)}; the executor then receives the task.`;
    case "mesos-task":
      return `Mesos container task: the Mesos CommandExecutor ${mesosCommand(launch.command)} under the Mesos containerizer ${mesosImageLabel(launch.mesosImage)}, ${volumesLabel(launch.volumes)}${networksLabel(launch.networks)}.`;
    case "default-executor":
      return `Default executor: the Mesos containerizer starts Mesos's default executor ${executorLabel(launch.executor)}, which ${mesosCommand(launch.command)} in a nested container ${mesosImageLabel(launch.mesosImage)}, ${volumesLabel(launch.volumes)}${networksLabel(launch.networks)} (as a task of a task group).`;
  }
}

function mesosImageLabel(image: LaunchMesosImage | undefined): string {
  if (image === undefined) return "on the agent's root filesystem (no image)";
  const name = nameLabel(image.name, image.reference?.string);
  return `in the ${image.type === "DOCKER" ? "Docker" : "Appc"} image ${name}`;
}

function networksLabel(networks: readonly string[]): string {
  if (networks.length === 0) return "";
  return `, on network${networks.length === 1 ? "" : "s"} ${networks.map((n) => quote(n)).join(", ")}`;
}

/** The v1 DockerInfo settings in words (absent for a seed task: host network, nothing else). */
function settingsLabel(docker: LaunchDockerSettings | undefined): string {
  if (docker === undefined) return "";
  const parts = [
    `network ${docker.network === "user" ? `${quote(docker.networkName ?? "")} (user-defined)` : docker.network}`,
  ];
  if (docker.portMappings.length > 0) {
    parts.push(
      `ports ${docker.portMappings.map((m) => `${m.hostPort}->${m.containerPort}${m.protocol === undefined ? "" : `/${m.protocol.toLowerCase()}`}`).join(", ")}`,
    );
  }
  if (docker.hostname !== undefined) parts.push(`hostname ${quote(docker.hostname)}`);
  if (docker.privileged) parts.push("privileged");
  if (docker.forcePullImage) parts.push("always pulled");
  if (docker.volumeDriver !== undefined) parts.push(`volume driver ${quote(docker.volumeDriver)}`);
  if (docker.parameters.length > 0) {
    parts.push(
      `docker parameters ${docker.parameters.map((p) => quote(`--${p.key}=${p.value}`)).join(" ")}`,
    );
  }
  return `, ${parts.join(", ")}`;
}

function legacyPrefix(launch: DockerLaunch, label: string): string {
  if (!launch.legacy) return `${label}: `;
  const field = launch.imagePath.join(".");
  return `Legacy ${label} (${field} ${JSON.stringify(`docker:///${launch.rawImage}`)}, deprecated; migrateLegacyContainer rewrites it as ContainerInfo/DockerInfo): `;
}

// An image name, and its normalized form when that differs.
function nameLabel(name: string, normalized: string | undefined): string {
  return normalized === undefined || normalized === name ? name : `${name} (${normalized})`;
}

function executorLabel(executor: { id: string; name: string | undefined }): string {
  const id = JSON.stringify(executor.id);
  return executor.name === undefined || executor.name === ""
    ? id
    : `${id} (${JSON.stringify(executor.name)})`;
}

/** How the Mesos containerizer runs a command: arguments are the whole argv. */
function mesosCommand(command: LaunchCommand): string {
  if (command.shell) return `runs /bin/sh -c ${quote(shorten(command.value ?? ""))}`;
  const argv =
    command.arguments.length === 0
      ? "no arguments"
      : `argv [${command.arguments.map(quote).join(", ")}]`;
  return `executes ${quote(shorten(command.value ?? ""))} with ${argv}`;
}

/** How Docker runs a command: arguments follow the value; no value means the image's entrypoint. */
function dockerCommand(command: LaunchCommand): string {
  if (command.shell) return `/bin/sh -c ${quote(shorten(command.value ?? ""))}`;
  const args = command.arguments.map(quote).join(" ");
  if (command.value === undefined) {
    return args === "" ? "the image's entrypoint" : `the image's entrypoint and arguments ${args}`;
  }
  const value = quote(shorten(command.value));
  return args === "" ? value : `${value} ${args}`;
}

function volumesLabel(volumes: readonly LaunchVolume[]): string {
  if (volumes.length === 0) return "no volumes";
  const listed = volumes.slice(0, MAX_LISTED_VOLUMES).map(volumeLabel);
  if (volumes.length > MAX_LISTED_VOLUMES)
    listed.push(`${volumes.length - MAX_LISTED_VOLUMES} more`);
  return `${volumes.length} volume${volumes.length === 1 ? "" : "s"} (${listed.join(", ")})`;
}

function volumeLabel(volume: LaunchVolume): string {
  if (volume.hostDir !== undefined)
    return `${volume.hostDir}:${volume.containerDir}:${volume.mode}`;
  switch (volume.source) {
    case undefined:
      return `anonymous ${volume.containerDir}`;
    case "DOCKER_VOLUME":
      return `docker volume ${volume.volumeName ?? ""}${volume.driver === undefined ? "" : ` (driver ${volume.driver})`}:${volume.containerDir}:${volume.mode}`;
    case "SANDBOX_PATH":
    case "HOST_PATH":
      return `${volume.source} ${volume.sourcePath ?? ""}:${volume.containerDir}:${volume.mode}`;
    default:
      return `${volume.source} at ${volume.containerDir} (${volume.mode})`;
  }
}

function shorten(value: string): string {
  if (value.length <= MAX_VALUE_LENGTH) return value;
  let end = MAX_VALUE_LENGTH - 1;
  // Never cut a surrogate pair in half.
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/** POSIX shell quoting, only where needed, so the text can be pasted into a shell. */
function quote(word: string): string {
  return SHELL_SAFE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
