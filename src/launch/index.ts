// Public API of src/launch; re-exported from the package root.
export { type DecodeLaunchOptions, decodeLaunch } from "./decode-launch.js";
export { describeLaunch } from "./describe-launch.js";
export {
  type DockerRunArgsResult,
  type DockerRunOptions,
  dockerRunArgs,
  // Internal (the CLI); not re-exported from the root.
  dockerRunArgsOf,
  safeDockerRunArgs,
} from "./docker-run-args.js";
export type {
  CommandLaunch,
  CustomExecutorLaunch,
  DefaultExecutorLaunch,
  DockerExecutorLaunch,
  DockerLaunch,
  DockerTaskLaunch,
  Launch,
  LaunchCommand,
  LaunchDockerSettings,
  LaunchEnvironmentVariable,
  LaunchExecutor,
  LaunchKind,
  LaunchMesosImage,
  LaunchPortMapping,
  LaunchResult,
  LaunchSchema,
  LaunchVolume,
  LaunchVolumeSource,
  MesosTaskLaunch,
  SeedLaunchKind,
} from "./launch.js";
export {
  type MigrateLegacyContainerResult,
  migrateLegacyContainer,
  safeMigrateLegacyContainer,
} from "./migrate-legacy-container.js";
export {
  // Internal (src/mesos-v1 registers its resolver); not re-exported from the root.
  registerLaunchResolver,
  resolveLaunch,
} from "./resolve-launch.js";
// Internal (the Mesos 1.11 resolver, src/mesos-v1); not re-exported from the root.
export {
  EXECUTOR_IMAGE,
  imageMismatch,
  NO_COMMAND,
  NO_VARIABLES,
  NO_VOLUMES,
  summarizeExecutor,
  TASK_IMAGE,
} from "./resolve-shared.js";
export { type ShellCommandOptions, shellCommand } from "./shell-command.js";
