// CommandInfo and CommandInfo.URI. Whether `shell: false` without a value is fine depends on
// where the command runs, so the caller passes context flags: a Docker task or Docker executor
// has an image entrypoint to fall back on, a plain command task has nothing to run.
import type {
  CommandInfo,
  ContainerInfo,
  CommandInfo_URI as Uri,
} from "../../gen/mesos/mesos_pb.js";
import type { Collector } from "./collector.js";
import { walkEnvironment } from "./environment.js";
import { legacyDockerImage, walkLegacyContainer } from "./legacy-container.js";
import { present, reportMissing } from "./presence.js";

/** Context flag: the command runs in a Docker image, whose entrypoint can stand in for `value`. */
export const IMAGE_ENTRYPOINT = 1;
/** Context flag: a ContainerInfo sits beside this CommandInfo (TaskInfo or ExecutorInfo). */
export const CONTAINER_BESIDE = 2;

/**
 * The context flags for the CommandInfo of a TaskInfo or ExecutorInfo whose ContainerInfo is
 * `container`. DOCKER is the only type this schema knows, so any ContainerInfo names an image: an
 * unset or unknown type is reported on its own and must not also make the command look
 * unrunnable.
 */
export function commandContext(container: ContainerInfo | undefined): number {
  return container === undefined ? 0 : IMAGE_ENTRYPOINT | CONTAINER_BESIDE;
}

/** CommandInfo: URIs, environment, shell/value/arguments, the legacy container. */
export function walkCommandInfo(msg: CommandInfo, c: Collector, flags: number): void {
  c.each("uris", msg.uris, walkUri);

  const environment = msg.environment;
  if (environment !== undefined) {
    c.path.push("environment");
    walkEnvironment(environment, c);
    c.path.pop();
  }

  // shell defaults to true (on the prototype); an own `undefined` also means the default.
  const shell = msg.shell !== false;
  const value = msg.value;
  if (value === "" || value === undefined) {
    const valueSet = present(msg, "value", value, "");
    const state = valueSet ? "empty" : "not set";
    if (shell) {
      c.report(
        "shell_command_missing",
        `shell is true (the default) but value is ${state}; Mesos runs /bin/sh -c <value> and rejects this ("Shell specified but no command value provided"): set value to a shell command, or set shell: false${(flags & IMAGE_ENTRYPOINT) !== 0 ? " to run the image's entrypoint" : " with value set to an executable"}`,
        "value",
      );
    } else if ((flags & IMAGE_ENTRYPOINT) === 0 && legacyDockerImage(msg.container) === undefined) {
      c.report(
        "executable_missing",
        `shell is false but value is ${state}, and there is no Docker image whose entrypoint could run instead: set value to the executable to run (arguments are its argv), or run the command in a Docker container`,
        "value",
      );
    }
  }
  if (shell && msg.arguments.length > 0) {
    c.report(
      "arguments_ignored_with_shell",
      `shell is true, so the ${msg.arguments.length} argument(s) are ignored (Mesos runs only /bin/sh -c <value>): put them into value, or set shell: false to exec value with these arguments`,
      "arguments",
    );
  }

  const container = msg.container;
  if (container !== undefined) {
    c.path.push("container");
    walkLegacyContainer(container, c, (flags & CONTAINER_BESIDE) !== 0);
    c.path.pop();
  }
}

/** CommandInfo.URI: a non-empty `value` to fetch. */
export function walkUri(msg: Uri, c: Collector): void {
  const value = msg.value;
  if (!present(msg, "value", value, "")) {
    reportMissing(c, msg.$typeName, "value");
  } else if (value === "") {
    c.report(
      "uri_value_empty",
      "value is empty; the Mesos fetcher fails on an empty URI: set the URL or path to fetch, or remove the entry",
      "value",
    );
  }
}
