// Mesos 1.11's Docker container settings (mesos.v1 DockerInfo and its ContainerInfo): the network
// and what depends on it (hostname, port mappings, user networks), parameters Mesos refuses, and
// the "protobuf union" of ContainerInfo (Mesos 1.11.0 src/common/validation.cpp and
// src/docker/docker.cpp, Docker::RunOptions::create).
import { quote } from "../problems/index.js";
import { type Collector, optionalEnum, rangesOf, setString } from "../rules/index.js";
import type * as v1 from "../v1/index.js";

/** DockerInfo.Network numbers (Mesos 1.11); HOST is the declared default. */
export const NETWORK_HOST = 1;
export const NETWORK_BRIDGE = 2;
export const NETWORK_USER = 4;

const NETWORK_NAMES = ["", "HOST", "BRIDGE", "NONE", "USER"];

/**
 * Only the field named by `type` ("DOCKER" or "MESOS") should be set; Mesos only logs the other,
 * so this is a warning at the other field.
 */
export function checkContainerUnion(c: Collector, type: "DOCKER" | "MESOS", other: string): void {
  c.report(
    "container_union_mismatch",
    `type is ${type} but ${other} is set; Mesos 1.11 ignores it and only logs ("Protobuf union \`mesos.ContainerInfo\` with \`Type == ${type}\` should not have the field \`${other}\` set"): remove ${other}, or change type`,
    other,
  );
}

/** No DockerInfo parameter named `name`. Reported at parameters[i].key (relative to docker). */
export function checkDockerParameters(
  c: Collector,
  parameters: readonly { readonly key: string }[],
): void {
  for (let i = 0; i < parameters.length; i++) {
    if (parameters[i]?.key !== "name") continue;
    c.report(
      "docker_parameter_name",
      `parameter "name" is refused by Mesos 1.11 ("Parameter in DockerInfo must not be 'name'"): Mesos names the container itself (mesos-<ContainerID>); remove it and use a label instead`,
      "parameters",
      i,
      "key",
    );
  }
}

/**
 * The network rules of a DOCKER container and its DockerInfo `docker` (network HOST when unset,
 * no rule when unknown), relative to the ContainerInfo.
 */
export function checkDockerNetwork(
  c: Collector,
  container: v1.ContainerInfo,
  docker: v1.ContainerInfo_DockerInfo,
): void {
  const network = optionalEnum(docker, docker.$unknown, docker.network, 2);
  if (network === undefined) return;
  const networkCount = container.networkInfos.length;
  if (network === NETWORK_USER) {
    const first = container.networkInfos[0];
    if (networkCount === 0) {
      c.report(
        "docker_user_network_invalid",
        'docker.network is USER but network_infos is empty; Mesos 1.11 fails the launch ("No network info found in container info"): add one network_infos entry with the Docker network\'s name, e.g. { name: "my-net" }',
        "network_infos",
      );
    } else if (networkCount > 1) {
      c.report(
        "docker_user_network_invalid",
        `docker.network is USER but network_infos has ${networkCount} entries; Mesos 1.11 fails the launch ("Only a single network can be defined in Docker run"): keep one`,
        "network_infos",
      );
    } else if (first === undefined || first.name === "") {
      c.report(
        "docker_user_network_invalid",
        'docker.network is USER but network_infos[0] has no name; Mesos 1.11 fails the launch ("No network name found in network info"): set name to the Docker network, e.g. "my-net"',
        "network_infos",
        0,
        "name",
      );
    }
  }
  if (docker.portMappings.length > 0 && network !== NETWORK_BRIDGE && network !== NETWORK_USER) {
    // The network's name only when there is something to say about it.
    const name = NETWORK_NAMES[network] ?? String(network);
    c.report(
      "port_mappings_need_bridge",
      `docker.port_mappings is set but docker.network is ${name}${network === NETWORK_HOST ? " (the default)" : ""}; Mesos 1.11 fails the launch ("Port mappings are only supported for bridge and user-defined networks"): set network: BRIDGE, or remove the port mappings`,
      "docker",
      "port_mappings",
    );
  }
  const hostname = setString(container, "hostname", container.hostname);
  if (hostname !== undefined && network === NETWORK_HOST) {
    c.report(
      "hostname_with_host_network",
      `hostname ${quote(hostname)} is set but docker.network is HOST (the default); Mesos 1.11 fails the launch ("Unable to set hostname with host network mode"): set network: BRIDGE, or remove hostname`,
      "hostname",
    );
  }
}

/**
 * Every host port of a Docker task's port mappings lies in the ranges of the task's `ports`
 * resources. Reported at the mapping's host_port, relative to the task.
 */
export function checkPortsInResources(
  c: Collector,
  mappings: readonly v1.ContainerInfo_DockerInfo_PortMapping[],
  resources: readonly v1.Resource[],
): void {
  const ranges = rangesOf(resources, "ports");
  for (let i = 0; i < mappings.length; i++) {
    const port = BigInt((mappings[i] as v1.ContainerInfo_DockerInfo_PortMapping).hostPort);
    if (ranges?.some(([b, e]) => b <= port && port <= e)) continue;
    c.report(
      "port_not_in_resources",
      ranges === undefined
        ? `host_port ${port} is mapped but the task has no ports resource; Mesos 1.11 fails the launch ("Port mappings require port resources"): add the port to the task's resources, e.g. { name: "ports", type: RANGES, ranges: { range: [{ begin: ${port}, end: ${port} }] } }`
        : `host_port ${port} is not in the task's ports resources; Mesos 1.11 fails the launch ("Port [${port}] not included in resources"): use a port from the offer's ports ranges`,
      "container",
      "docker",
      "port_mappings",
      i,
      "host_port",
    );
  }
}
