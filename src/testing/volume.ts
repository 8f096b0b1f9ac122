// volume(): DockerInfo.Volume messages that pass every volume rule.
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import {
  type ContainerInfo_DockerInfo_Volume,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  ContainerInfo_DockerInfo_VolumeSchema as VolumeSchema,
} from "../schema/index.js";
import { absolutePath } from "./absolute-path.js";

/**
 * Valid volumes: a bind mount (`container_dir` + `host_dir`, mode RW or RO) or an anonymous Docker
 * volume (`container_dir` only, mode RW: `-v /dir:ro` is refused by Docker, so an anonymous volume
 * is never RO). Both paths come from {@link absolutePath}.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { validate, ContainerInfo_DockerInfo_VolumeSchema } from "mesos-dockerinfo";
 * import { volume } from "mesos-dockerinfo/testing";
 *
 * fc.assert(fc.property(volume(), (v) => validate(ContainerInfo_DockerInfo_VolumeSchema, v).success));
 * ```
 */
export function volume(): fc.Arbitrary<ContainerInfo_DockerInfo_Volume> {
  return fc
    .oneof(
      fc.record({
        containerDir: absolutePath(),
        hostDir: absolutePath(),
        mode: fc.constantFrom(Mode.RW, Mode.RO),
      }),
      fc.record({ containerDir: absolutePath(), mode: fc.constant(Mode.RW) }),
    )
    .map((init) => create(VolumeSchema, init));
}
