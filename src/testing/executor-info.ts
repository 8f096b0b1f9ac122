// executorInfo(): valid ExecutorInfo messages, with or without a Docker image.
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { type ExecutorInfo, ExecutorInfoSchema } from "../schema/index.js";
import { commandInfo } from "./command-info.js";
import { containerInfo } from "./docker-info.js";
import { withLegacyContainer } from "./legacy-container.js";
import { idInit } from "./mesos-id.js";
import { resource } from "./resource.js";
import { anyText } from "./text.js";

/** Options of {@link executorInfo}. */
export interface ExecutorInfoOptions {
  /**
   * `"docker"`: the executor is a Docker image (ContainerInfo/DockerInfo); `"legacy-docker"`: the
   * image comes from the deprecated `command.container` (`docker:///image`); `"custom"`: no image,
   * a plain command starts the executor. Default: any of the three.
   */
  readonly image?: "docker" | "legacy-docker" | "custom";
}

function base(command: fc.Arbitrary<unknown>, container?: fc.Arbitrary<unknown>) {
  const model: Record<string, fc.Arbitrary<unknown>> = {
    executorId: idInit(),
    frameworkId: idInit(),
    command,
    resources: fc.array(resource(), { maxLength: 2 }),
    name: anyText(),
    source: anyText(),
    data: fc.uint8Array({ maxLength: 8 }),
    ...(container === undefined ? {} : { container }),
  };
  const requiredKeys = ["executorId", "command", "resources", ...(container ? ["container"] : [])];
  return fc.record(model, { requiredKeys }).map((init) => create(ExecutorInfoSchema, init));
}

const variants = {
  docker: base(commandInfo({ entrypoint: true }), containerInfo()),
  "legacy-docker": base(withLegacyContainer(commandInfo({ entrypoint: true }))),
  custom: base(commandInfo()),
};

/**
 * Valid executors: an ID, an optional framework ID, a command (always set: Mesos requires it even
 * for a Docker executor), 0–2 {@link resource}s, and for `image: "docker"` a {@link containerInfo}
 * (then the command may be `shell: false` without a value: the image's entrypoint runs).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { validate, ExecutorInfoSchema } from "mesos-dockerinfo";
 * import { executorInfo } from "mesos-dockerinfo/testing";
 *
 * fc.assert(fc.property(executorInfo({ image: "docker" }), (e) => validate(ExecutorInfoSchema, e).success));
 * ```
 */
export function executorInfo(options: ExecutorInfoOptions = {}): fc.Arbitrary<ExecutorInfo> {
  return options.image === undefined
    ? fc.oneof(variants.docker, variants["legacy-docker"], variants.custom)
    : variants[options.image];
}
