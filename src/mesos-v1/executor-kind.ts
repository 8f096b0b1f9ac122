// Mesos 1.11 executor kinds (mesos.v1 ExecutorInfo.type) and the task-group (LAUNCH_GROUP)
// differences (Mesos 1.11.0 src/master/validation.cpp: executor::internal::validateType,
// task::internal::validateExecutor, group::internal::validateTask and validateExecutor).
import { equals } from "@bufbuild/protobuf";
import { type Collector, scalarTotal } from "../rules/index.js";
import * as v1 from "../v1/index.js";

/** ExecutorInfo.Type numbers (Mesos 1.11). */
export const EXECUTOR_UNKNOWN = 0;
export const EXECUTOR_DEFAULT = 1;
export const EXECUTOR_CUSTOM = 2;

/** Mesos's smallest executor for a task group (src/master/constants.hpp MIN_CPUS, MIN_MEM). */
export const MIN_EXECUTOR_CPUS = 0.01;
export const MIN_EXECUTOR_MEM_MB = 32;

/**
 * The type-specific rules of any executor (`type` undefined when unset or unknown), relative to
 * the executor. `containerType` is its container's type (undefined: no container, or unknown).
 */
export function checkExecutorKind(
  c: Collector,
  type: number | undefined,
  command: boolean,
  containerType: "DOCKER" | "MESOS" | undefined,
  containerImage: boolean,
): void {
  if (type === EXECUTOR_DEFAULT) {
    if (command) {
      c.report(
        "default_executor_command_set",
        "command is set on a DEFAULT executor; Mesos 1.11 rejects it (\"'ExecutorInfo.command' must not be set for 'DEFAULT' executor\"): remove command (the default executor is Mesos's own) or use type CUSTOM",
        "command",
      );
    }
    if (containerType === "DOCKER") {
      c.report(
        "default_executor_container_invalid",
        "container.type is DOCKER on a DEFAULT executor; Mesos 1.11 rejects it (\"'ExecutorInfo.container.type' must be 'MESOS' for 'DEFAULT' executor\"): use type MESOS (put images on the tasks' containers)",
        "container",
        "type",
      );
    } else if (containerImage) {
      c.report(
        "default_executor_container_invalid",
        "container.mesos.image is set on a DEFAULT executor; Mesos 1.11 rejects it (\"'ExecutorInfo.container.mesos.image' must not be set for 'DEFAULT' executor\"): put the image on each task's container instead",
        "container",
        "mesos",
        "image",
      );
    }
  } else if (type === EXECUTOR_CUSTOM && !command) {
    c.report(
      "executor_command_missing",
      "command is not set on a CUSTOM executor; Mesos 1.11 rejects it (\"'ExecutorInfo.command' must be set for 'CUSTOM' executor\"): set the command that starts the executor (for a Docker image, { shell: false } with no value runs its entrypoint)",
      "command",
    );
  }
}

/**
 * The executor of a LAUNCH task (not a task group), relative to the executor: type, if set, CUSTOM
 * (`typeSet` true and `type` UNKNOWN is the only case left once DEFAULT made the task a group task),
 * and a command.
 */
export function checkLaunchExecutor(
  c: Collector,
  typeSet: boolean,
  type: number | undefined,
  command: boolean,
): void {
  if (typeSet && type === EXECUTOR_UNKNOWN) {
    c.report(
      "executor_type_not_custom",
      "executor.type is UNKNOWN; for a LAUNCH Mesos 1.11 requires CUSTOM (\"'ExecutorInfo.type' must be 'CUSTOM'\"): set type CUSTOM, or leave it unset",
      "type",
    );
  }
  // A CUSTOM executor without a command is reported by the executor's own rule.
  if (!command && type !== EXECUTOR_CUSTOM) {
    c.report(
      "executor_command_missing",
      "executor.command is not set; for a LAUNCH Mesos 1.11 requires it (\"'ExecutorInfo.command' must be set\"): set the command that starts the executor (for a Docker image, { shell: false } with no value runs its entrypoint)",
      "command",
    );
  }
}

/** The executor of a task group has a type (DEFAULT or CUSTOM). Relative to the executor. */
export function checkGroupExecutorType(c: Collector, type: number | undefined): void {
  if (type === EXECUTOR_DEFAULT || type === EXECUTOR_CUSTOM) return;
  c.report(
    "executor_type_missing",
    "type is not set (or UNKNOWN) on the executor of a task group; Mesos 1.11 LAUNCH_GROUP requires one: set DEFAULT to let Mesos's default executor run the tasks",
    "type",
  );
}

/**
 * The executor of a task group is big enough: cpus >= 0.01, mem >= 32 MB and some disk (sums of
 * its scalar resources). Relative to the executor.
 */
export function checkGroupExecutorResources(c: Collector, resources: readonly v1.Resource[]): void {
  const cpus = scalarTotal(resources, "cpus");
  const mem = scalarTotal(resources, "mem");
  const short: string[] = [];
  if (cpus === undefined || cpus < MIN_EXECUTOR_CPUS)
    short.push(`cpus ${cpus ?? 0} < ${MIN_EXECUTOR_CPUS}`);
  if (mem === undefined || mem < MIN_EXECUTOR_MEM_MB)
    short.push(`mem ${mem ?? 0} < ${MIN_EXECUTOR_MEM_MB} MB`);
  // A disk resource of 0 is "some disk" for Mesos (it checks that there is one).
  if (scalarTotal(resources, "disk") === undefined) short.push("no disk");
  if (short.length === 0) return;
  c.report(
    "executor_resources_too_small",
    `the task group's executor is too small (${short.join(", ")}); Mesos 1.11 LAUNCH_GROUP refuses it ("Executor uses less CPUs than the minimum required (0.01)", "... uses no disk"): give the executor at least 0.01 cpus, 32 MB mem and a disk resource`,
    "resources",
  );
}

/** A DOCKER container on a task-group task or executor. Reported at its container.type. */
export function checkNoDockerInGroup(c: Collector, onExecutor: boolean): void {
  c.report(
    "docker_container_in_group",
    onExecutor
      ? 'container.type is DOCKER on the executor of a task group; Mesos 1.11 rejects it ("Docker ContainerInfo is not supported on the executor"): use type MESOS'
      : 'container.type is DOCKER on a task of a task group; Mesos 1.11 rejects it ("Docker ContainerInfo is not supported on the task"): use type MESOS with mesos: { image: { type: DOCKER, docker: { name } } } to run a Docker image',
    "container",
    "type",
  );
}

/**
 * The tasks of a LAUNCH_GROUP carry no executor or the operation's own. Reported at
 * task_group.tasks[i].executor.
 */
export function checkGroupExecutors(op: v1.Offer_Operation_LaunchGroup, c: Collector): void {
  const executor = op.executor;
  const tasks = op.taskGroup?.tasks;
  if (executor === undefined || tasks === undefined) return;
  for (let i = 0; i < tasks.length; i++) {
    const own = (tasks[i] as v1.TaskInfo).executor;
    if (own === undefined || equals(v1.ExecutorInfoSchema, own, executor)) continue;
    c.report(
      "group_executor_mismatch",
      `the task's executor differs from the operation's executor ${JSON.stringify(executor.executorId?.value ?? "")}; Mesos 1.11 rejects the group ("The \`ExecutorInfo\` of task ... is different from executor ..."): leave the task's executor unset (Mesos sets it) or make it the same`,
      "task_group",
      "tasks",
      i,
      "executor",
    );
  }
}
