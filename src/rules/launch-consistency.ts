// Task and executor launch consistency: Mesos's master rules on what a TaskInfo and an
// ExecutorInfo must carry (Mesos 1.11.0 src/master/validation.cpp: task and executor
// validation), and the container choices that decide how the task launches. Written on booleans
// and strings, so a Mesos 1.11 TaskInfo can use them unchanged.
import type { Collector } from "./collector.js";

const ONE_OF =
  "Task should have at least one (but not both) of CommandInfo or ExecutorInfo present";

/** Exactly one of command and executor. Reported at the task itself. */
export function checkCommandOrExecutor(c: Collector, command: boolean, executor: boolean): void {
  if (command && executor) {
    c.report(
      "command_and_executor_both_set",
      `the task sets both command and executor; Mesos requires exactly one ("${ONE_OF}"): keep command for a command or Docker task, or executor for a task run by an executor`,
    );
  } else if (!command && !executor) {
    c.report(
      "command_and_executor_both_missing",
      `the task sets neither command nor executor; Mesos requires exactly one ("${ONE_OF}"): set command (e.g. { value: "echo hello" }) or executor`,
    );
  }
}

/** A task uses some resources. Reported at "resources". */
export function checkTaskResources(c: Collector, count: number): void {
  if (count === 0) {
    c.report(
      "resources_empty",
      'resources is empty; Mesos rejects a task that uses no resources ("Task uses no resources"): add at least cpus and mem from the offer',
      "resources",
    );
  }
}

/** A task's container next to an executor is only handed over. Reported at "container". */
export function checkContainerWithExecutor(c: Collector): void {
  c.report(
    "container_ignored_with_executor",
    "container is set together with executor; Mesos launches the executor with executor.container and only hands this container to the executor inside the TaskInfo: move it to executor.container to launch in it, or remove it",
    "container",
  );
}

/** An executor needs a command, even a Docker executor. Reported at "command". */
export function checkExecutorCommand(c: Collector, command: boolean, container: boolean): void {
  if (command) return;
  c.report(
    "executor_command_missing",
    container
      ? "command is not set; Mesos requires ExecutorInfo.command even for a Docker executor (\"'ExecutorInfo.command' must be set\"): to run the image's own entrypoint, set command: { shell: false } with no value"
      : "command is not set; Mesos requires ExecutorInfo.command (\"'ExecutorInfo.command' must be set\"): set it to the command that starts the executor (or, for a Docker executor image, { shell: false } with no value to run its entrypoint)",
    "command",
  );
}

/** A DOCKER container needs its DockerInfo. `docker` is the field name. */
export function checkDockerInfoSet(c: Collector, isDocker: boolean, hasDocker: boolean): void {
  if (isDocker && !hasDocker) {
    c.report(
      "docker_info_missing",
      `type is DOCKER but docker is not set; Mesos rejects it ("DockerInfo 'docker' is not set for DOCKER typed ContainerInfo"): set docker, e.g. { image: "busybox:1.36" }`,
      "docker",
    );
  }
}
