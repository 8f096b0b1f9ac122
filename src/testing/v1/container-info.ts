// v1DockerInfo() and v1ContainerInfo(): Mesos 1.11 containers, DOCKER or MESOS.
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import {
  type ContainerInfo,
  type ContainerInfo_DockerInfo,
  ContainerInfo_DockerInfoSchema,
  ContainerInfo_Type,
  ContainerInfoSchema,
  Image_Type,
  ContainerInfo_DockerInfo_Network as Network,
} from "../../v1/index.js";
import { imageReference } from "../image-reference.js";
import { charsOf } from "../text.js";
import { v1Volumes } from "./volume.js";

const port = fc.integer({ min: 1, max: 65535 });

// Port mappings exist only with BRIDGE networking; host ports are distinct.
const portMappings = fc.uniqueArray(
  fc.record(
    { hostPort: port, containerPort: port, protocol: fc.constantFrom("tcp", "udp") },
    { requiredKeys: ["hostPort", "containerPort"] },
  ),
  { selector: (m) => m.hostPort, maxLength: 3 },
);

const network = fc.oneof(
  fc.record({ network: fc.constantFrom(Network.HOST, Network.NONE) }),
  fc.record({ network: fc.constant(Network.BRIDGE), portMappings }),
  fc.constant({}),
);

// docker run flags Mesos passes through; never "name" (Mesos 1.6+ refuses it: it names containers).
const parameter = fc.oneof(
  fc.record({ key: fc.constant("label"), value: charsOf("abcdefghij=", 1, 10) }),
  fc.record({ key: fc.constant("ulimit"), value: fc.constant("nofile=4096:8192") }),
  fc.record({ key: fc.constant("cap-add"), value: fc.constantFrom("NET_ADMIN", "SYS_PTRACE") }),
);

/**
 * Valid v1 `DockerInfo`s: an image reference; a network (unset, HOST, NONE, or BRIDGE with 0–3
 * port mappings on distinct host ports); optional `privileged`, `force_pull_image` and 0–2
 * parameters (label, ulimit, cap-add; never `name`, which Mesos refuses).
 */
export function v1DockerInfo(): fc.Arbitrary<ContainerInfo_DockerInfo> {
  return fc
    .record(
      {
        image: imageReference(),
        network,
        privileged: fc.boolean(),
        parameters: fc.array(parameter, { maxLength: 2 }),
        forcePullImage: fc.boolean(),
      },
      { requiredKeys: ["image", "network"] },
    )
    .map(({ network: n, ...rest }) => create(ContainerInfo_DockerInfoSchema, { ...rest, ...n }));
}

/** Options of {@link v1ContainerInfo}. */
export interface V1ContainerInfoOptions {
  /** `"docker"` (type DOCKER with a DockerInfo) or `"mesos"` (type MESOS); default either. */
  readonly type?: "docker" | "mesos";
}

const hostname = charsOf("abcdefghijklmnopqrstuvwxyz0123456789-", 1, 12).map((h) => `h${h}`);

// The Docker containerizer mounts only host_path and DOCKER_VOLUME volumes (it skips the other
// sources), and refuses a hostname with the host network (Mesos 1.11.0 src/docker/docker.cpp).
const docker = fc
  .record(
    {
      docker: v1DockerInfo(),
      volumes: v1Volumes({ kinds: ["host_path", "DOCKER_VOLUME"] }),
      hostname,
    },
    { requiredKeys: ["docker", "volumes"] },
  )
  .map(({ hostname: h, ...init }) =>
    create(ContainerInfoSchema, {
      type: ContainerInfo_Type.DOCKER,
      ...init,
      ...(h !== undefined && init.docker.network === Network.BRIDGE ? { hostname: h } : {}),
    }),
  );

const mesos = fc
  .record(
    {
      image: imageReference().map((name) => ({
        image: { type: Image_Type.DOCKER, docker: { name } },
      })),
      volumes: v1Volumes({ kinds: ["host_path", "HOST_PATH", "SANDBOX_PATH"] }),
      hostname,
    },
    { requiredKeys: ["volumes"] },
  )
  .map(({ image, ...rest }) =>
    create(ContainerInfoSchema, {
      type: ContainerInfo_Type.MESOS,
      ...(image === undefined ? {} : { mesos: image }),
      ...rest,
    }),
  );

/**
 * Valid v1 `ContainerInfo`s: DOCKER with a {@link v1DockerInfo} and volumes (host_path,
 * DOCKER_VOLUME; a hostname only with BRIDGE), or MESOS with an optional Docker image in `mesos.image` and
 * volumes (host_path, HOST_PATH, SANDBOX_PATH); an optional hostname; distinct container paths.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { v1ContainerInfo } from "mesos-dockerinfo/testing";
 *
 * fc.sample(v1ContainerInfo({ type: "mesos" }), 1); // [{ type: MESOS, mesos: { image: … }, volumes: [] }]
 * ```
 */
export function v1ContainerInfo(options: V1ContainerInfoOptions = {}): fc.Arbitrary<ContainerInfo> {
  if (options.type === "docker") return docker;
  if (options.type === "mesos") return mesos;
  return fc.oneof(docker, mesos);
}
