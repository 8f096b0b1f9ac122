// legacyContainer(): the deprecated CommandInfo.container in its Docker form (docker:///image).
import { clone, create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import {
  type CommandInfo,
  type CommandInfo_ContainerInfo,
  CommandInfo_ContainerInfoSchema,
  CommandInfoSchema,
} from "../schema/index.js";
import { LEGACY_DOCKER_PREFIX } from "../validation/index.js";
import { imageReference } from "./image-reference.js";
import { anyText } from "./text.js";

/**
 * The 2014 container API: `{ image: "docker:///" + reference, options }` where `reference` is an
 * {@link imageReference} and `options` 0–2 strings (the Docker containerizer ignores them).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { legacyContainer } from "mesos-dockerinfo/testing";
 *
 * fc.sample(legacyContainer(), 1); // e.g. [{ image: "docker:///busybox:1.36", options: [] }]
 * ```
 */
export function legacyContainer(): fc.Arbitrary<CommandInfo_ContainerInfo> {
  return fc
    .record({ image: imageReference(), options: fc.array(anyText(), { maxLength: 2 }) })
    .map(({ image, options }) =>
      create(CommandInfo_ContainerInfoSchema, { image: LEGACY_DOCKER_PREFIX + image, options }),
    );
}

/** `command` with a legacy Docker container added (a copy: generated values are never mutated). */
export function withLegacyContainer(command: fc.Arbitrary<CommandInfo>): fc.Arbitrary<CommandInfo> {
  return fc.tuple(command, legacyContainer()).map(([c, container]) => {
    const copy = clone(CommandInfoSchema, c);
    copy.container = container;
    return copy;
  });
}
