// migrateLegacyContainer: rewrite the 2014 form CommandInfo.container.image = "docker:///<image>"
// (Mesos 0.19.0 include/mesos/mesos.proto; removed in Mesos 0.27) as ContainerInfo { type: DOCKER, docker: { image } }.
import { clone, create, isMessage } from "@bufbuild/protobuf";
import { failWith, LaunchError, type Result, succeed } from "../problems/index.js";
import { legacyDockerImage } from "../rules/index.js";
import {
  type CommandInfo,
  type ContainerInfo,
  ContainerInfo_Type,
  ContainerInfoSchema,
  type ExecutorInfo,
  type TaskInfo,
  TaskInfoSchema,
} from "../schema/index.js";
import { validate } from "../validation/index.js";
import { invalidTaskError, launchError, launchIssue } from "./issue.js";

/** The result of safeMigrateLegacyContainer: `data` is the migrated task. */
export type MigrateLegacyContainerResult = Result<TaskInfo>;

/** A message with a CommandInfo and a ContainerInfo: TaskInfo or ExecutorInfo. */
type Holder = { command?: CommandInfo | undefined; container?: ContainerInfo | undefined };

/**
 * A new TaskInfo in which each legacy Docker container — `task.command.container.image =
 * "docker:///X"` (a legacy Docker task) and `task.executor.command.container.image =
 * "docker:///X"` (a legacy Docker executor) — is replaced by `container: { type: DOCKER, docker:
 * { image: "X" } }` on the same message (the task or the executor), and the legacy field is cleared.
 *
 * The input is never modified. Everything else, unknown fields included, is copied unchanged, so a
 * task without a legacy `docker:///` container comes back as an equal clone; so does a legacy field
 * with another URI scheme, which is not a Docker launch and has no DockerInfo equivalent.
 * The migration is structural: it does not validate the task (run validate() or resolveLaunch on
 * the result).
 *
 * @throws LaunchError `legacy_conflict` rather than drop data: when the same message already has
 *   a ContainerInfo (two images named; validation reports legacy_and_container_both_set), or when
 *   the legacy `options` are set (DockerInfo has no field for them; the Docker containerizer
 *   ignored them, so removing them first changes nothing on the agent). When the input is not a
 *   mesos.TaskInfo message, or holds a value protobuf-es cannot copy (an enum number the schema
 *   does not define), the error carries validate()'s issues (`invalid_input`,
 *   `unknown_enum_value`, ...).
 */
export function migrateLegacyContainer(task: TaskInfo): TaskInfo {
  const result = migrate(task);
  if (result instanceof LaunchError) throw result;
  return result;
}

/** migrateLegacyContainer without throwing: `{ success: true, data }` or `{ success: false, issues }`. */
export function safeMigrateLegacyContainer(task: TaskInfo): MigrateLegacyContainerResult {
  const result = migrate(task);
  return result instanceof LaunchError ? failWith(result) : succeed(result);
}

function migrate(task: TaskInfo): TaskInfo | LaunchError {
  if (!isMessage(task, TaskInfoSchema)) {
    return invalidTaskError("migrateLegacyContainer", task, validate(TaskInfoSchema, task).issues);
  }
  const conflict =
    findConflict(task, []) ??
    (task.executor === undefined ? undefined : findConflict(task.executor, ["executor"]));
  if (conflict !== undefined) return conflict;
  let migrated: TaskInfo;
  try {
    migrated = clone(TaskInfoSchema, task);
  } catch (error) {
    // clone() refuses values the schema cannot hold (an enum number it does not define); validate()
    // names them with their paths.
    const issues = validate(TaskInfoSchema, task).issues;
    const why = error instanceof Error ? error.message : String(error);
    return invalidTaskError("migrateLegacyContainer", task, issues, `cannot be copied (${why})`);
  }
  moveLegacyImage(migrated);
  if (migrated.executor !== undefined) moveLegacyImage(migrated.executor);
  return migrated;
}

function findConflict(holder: Holder, at: string[]): LaunchError | undefined {
  const legacy = holder.command?.container;
  if (legacy === undefined || legacyDockerImage(legacy) === undefined) return undefined;
  const path = [...at, "command", "container"];
  const where = path.join(".");
  const conflict = (issuePath: string[], why: string) =>
    launchError(
      "migrateLegacyContainer: cannot migrate",
      launchIssue("legacy_conflict", issuePath, `migrateLegacyContainer: ${why}`),
    );
  if (holder.container !== undefined) {
    return conflict(
      path,
      `${where}.image ${JSON.stringify(legacy.image)} and ${[...at, "container"].join(".")} both name an image; only one can be launched. Remove one of them, then migrate.`,
    );
  }
  if (legacy.options.length > 0) {
    return conflict(
      [...path, "options"],
      `${where}.options ${JSON.stringify(legacy.options)} has no equivalent in ContainerInfo/DockerInfo and would be lost. The Docker containerizer ignored these options, so clear them and migrate again.`,
    );
  }
  return undefined;
}

function moveLegacyImage(holder: TaskInfo | ExecutorInfo): void {
  const command = holder.command;
  const image = legacyDockerImage(command?.container);
  if (command === undefined || image === undefined) return;
  holder.container = create(ContainerInfoSchema, {
    type: ContainerInfo_Type.DOCKER,
    docker: { image },
  });
  command.container = undefined;
}
