// What the seed's resolver (resolve-launch.ts) and Mesos 1.11's (src/mesos-v1/resolve-launch.ts)
// share: the frozen empty values and image paths a launch reuses (resolving allocates only what
// it must), the executor summary, and the failure of a Docker launch whose image the resolver
// cannot parse although validate() passed it.
import type { Issue } from "../problems/index.js";
import { type ExecutorInfoValid, present } from "../schema/index.js";
import type { ExecutorInfoValid as V1ExecutorInfoValid } from "../v1/index.js";
import type {
  LaunchCommand,
  LaunchEnvironmentVariable,
  LaunchExecutor,
  LaunchResult,
  LaunchVolume,
} from "./launch.js";

export const NO_VOLUMES: readonly LaunchVolume[] = Object.freeze([]);
export const NO_VARIABLES: readonly LaunchEnvironmentVariable[] = Object.freeze([]);
export const NO_ARGUMENTS: readonly string[] = Object.freeze([]);
export const TASK_IMAGE = Object.freeze(["container", "docker", "image"]);
export const EXECUTOR_IMAGE = Object.freeze(["executor", "container", "docker", "image"]);
/** Only reachable when validation let through a task without the field it checks for. */
export const NO_COMMAND: LaunchCommand = Object.freeze({
  shell: true,
  value: undefined,
  arguments: NO_ARGUMENTS,
  environment: NO_VARIABLES,
  user: undefined,
});

/** The executor of a launch: its ID, its name when set, and the message itself. */
export function summarizeExecutor(info: ExecutorInfoValid | V1ExecutorInfoValid): LaunchExecutor {
  const name = info.name;
  return {
    id: info.executorId.value,
    name: present(info, "name", name, "") ? name : undefined,
    info,
  };
}

/**
 * The result of a Docker launch whose image `rawImage` (at `imagePath`) does not parse: validate()
 * checks every image with the same parser, so this is unreachable unless the two disagree, and
 * it reports the issue validate() would have given rather than throw.
 */
export function imageMismatch(
  issues: readonly Issue[],
  rawImage: string,
  imagePath: readonly string[],
  reason: string,
): LaunchResult {
  const issue: Issue = {
    code: "image_invalid",
    severity: "error",
    path: [...imagePath],
    message: `${JSON.stringify(rawImage)} is not a valid Docker image reference: ${reason}`,
  };
  return { success: false, issues: [...issues, issue] };
}
