// dockerInfo() and containerInfo(): valid Docker container descriptions.
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import {
  type ContainerInfo,
  type ContainerInfo_DockerInfo,
  ContainerInfo_Type,
  ContainerInfoSchema,
  ContainerInfo_DockerInfoSchema as DockerInfoSchema,
} from "../schema/index.js";
import { imageReference } from "./image-reference.js";
import { volume } from "./volume.js";

/**
 * Valid `DockerInfo`s: an {@link imageReference} and 0–4 {@link volume}s whose `container_dir`s are
 * distinct (the paths are clean, so distinct means distinct after cleaning: no duplicate mount point).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { validate, ContainerInfo_DockerInfoSchema } from "mesos-dockerinfo";
 * import { dockerInfo } from "mesos-dockerinfo/testing";
 *
 * fc.assert(fc.property(dockerInfo(), (d) => validate(ContainerInfo_DockerInfoSchema, d).issues.length === 0));
 * ```
 */
export function dockerInfo(): fc.Arbitrary<ContainerInfo_DockerInfo> {
  return fc
    .record({
      image: imageReference(),
      volume: fc.uniqueArray(volume(), { selector: (v) => v.containerDir, maxLength: 4 }),
    })
    .map((init) => create(DockerInfoSchema, init));
}

/**
 * Valid `ContainerInfo`s: type DOCKER with a {@link dockerInfo}.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { toMesosJson, ContainerInfoSchema } from "mesos-dockerinfo";
 * import { containerInfo } from "mesos-dockerinfo/testing";
 *
 * const [sample] = fc.sample(containerInfo(), 1);
 * toMesosJson(ContainerInfoSchema, sample); // { type: "DOCKER", docker: { image: "…", volume: [ … ] } }
 * ```
 */
export function containerInfo(): fc.Arbitrary<ContainerInfo> {
  return dockerInfo().map((docker) =>
    create(ContainerInfoSchema, { type: ContainerInfo_Type.DOCKER, docker }),
  );
}
