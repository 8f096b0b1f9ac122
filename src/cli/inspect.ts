// What `check` reports about one decoded message: the issues, and for a TaskInfo the launch path
// and, for a Docker launch, the docker run argv.
import type { DescMessage, Message } from "@bufbuild/protobuf";
import { type TaskInfo, TaskInfoSchema } from "../../gen/mesos/mesos_pb.js";
import {
  type DockerRunOptions,
  describeLaunch,
  dockerRunArgs,
  resolveLaunch,
} from "../launch/index.js";
import { LaunchError } from "../problems/index.js";
import { type ImageReference, type Issue, validate } from "../validation/index.js";
import { UsageError } from "./usage-error.js";

/** The launch path in a JSON-friendly form (the parsed image reference is plain data). */
export interface LaunchSummary {
  readonly kind: string;
  readonly legacy: boolean;
  readonly description: string;
  readonly image: ImageReference | null;
}

export interface Inspection {
  readonly issues: readonly Issue[];
  /** Null for a TaskInfo that cannot launch, and for every other message type. */
  readonly launch: LaunchSummary | null;
  /** The `docker run` argument vector for a Docker launch, else null. */
  readonly argv: readonly string[] | null;
}

/** dockerRunArgs option names → the check flags that set them. */
const OPTION_FLAGS: Readonly<Record<string, string>> = {
  sandboxDirectory: "--sandbox-directory",
  mappedDirectory: "--mapped-directory",
  containerName: "--container-name",
};

const DOCKER_KINDS: ReadonlySet<string> = new Set(["docker-task", "docker-executor"]);

export function inspect(
  schema: DescMessage,
  message: Message,
  docker: DockerRunOptions,
): Inspection {
  if (schema.typeName !== TaskInfoSchema.typeName) {
    return { issues: validate(schema, message).issues, launch: null, argv: null };
  }
  const task = message as TaskInfo;
  // resolveLaunch runs validate(TaskInfoSchema, task) itself, so the launch verdict and the
  // issues can never disagree.
  const result = resolveLaunch(task);
  if (!result.success) return { issues: result.issues, launch: null, argv: null };
  const launch = result.data;
  return {
    issues: result.issues,
    launch: {
      kind: launch.kind,
      legacy: launch.legacy,
      description: describeLaunch(launch),
      image: launch.image ?? null,
    },
    argv: DOCKER_KINDS.has(launch.kind) ? runArgs(task, docker) : null,
  };
}

/**
 * The argv of a task resolveLaunch accepted as a Docker launch, so the only LaunchError left is a
 * bad --sandbox-directory / --mapped-directory / --container-name: a usage error.
 */
function runArgs(task: TaskInfo, docker: DockerRunOptions): string[] {
  try {
    return dockerRunArgs(task, docker);
  } catch (error) {
    if (error instanceof LaunchError && error.code === "invalid_option") {
      const message = (error.issues[0]?.message ?? error.message)
        .replace(/^dockerRunArgs: /, "")
        .replace(
          /\boption (\w+)/,
          (_match, name: string) => OPTION_FLAGS[name] ?? `option ${name}`,
        );
      throw new UsageError(message, "check");
    }
    throw error;
  }
}
