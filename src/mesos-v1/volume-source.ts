// Mesos 1.11 volume sources (mesos.v1 Volume): exactly one of host_path, image and source, a
// source's sub-message matched to its type (Mesos 1.11.0 src/common/validation.cpp,
// validateVolume), SANDBOX_PATH kept inside the sandbox (Mesos 1.11.0 include/mesos/v1/mesos.proto,
// Volume.Source.SandboxPath), and what the Docker containerizer does with each kind (Mesos 1.11.0
// src/docker/docker.cpp: only DOCKER_VOLUME sources become `-v`, the rest are skipped).
import { quote } from "../problems/index.js";
import { type Collector, optionalEnum, PATH_PARENT, scanPath, setString } from "../rules/index.js";
import * as v1 from "../v1/index.js";

/** Volume.Source.Type numbers (Mesos 1.11). */
export const SOURCE_UNKNOWN = 0;
export const SOURCE_DOCKER_VOLUME = 1;
export const SOURCE_CSI_VOLUME = 5;

// Per type: the sub-message field and the type's name, as Mesos writes them, and whether the
// source sets that field (module-level: a closure over the source would be allocated per volume).
type SourceField = readonly [field: string, type: string, set: (s: v1.Volume_Source) => boolean];
const SOURCE_FIELDS: readonly (SourceField | undefined)[] = [
  undefined,
  ["docker_volume", "DOCKER_VOLUME", (s) => s.dockerVolume !== undefined],
  ["sandbox_path", "SANDBOX_PATH", (s) => s.sandboxPath !== undefined],
  ["secret", "SECRET", (s) => s.secret !== undefined],
  ["host_path", "HOST_PATH", (s) => s.hostPath !== undefined],
  ["csi_volume", "CSI_VOLUME", (s) => s.csiVolume !== undefined],
];

const ONE_OF = "Only one of them should be set: 'host_path', 'image' and 'source'";

/** Exactly one of host_path, image and source. Reported at the volume. */
export function checkVolumeKinds(
  c: Collector,
  hostPath: boolean,
  image: boolean,
  source: boolean,
): void {
  const count = (hostPath ? 1 : 0) + (image ? 1 : 0) + (source ? 1 : 0);
  if (count === 1) return;
  c.report(
    "volume_source_not_one",
    count === 0
      ? `the volume sets none of host_path, image and source; Mesos 1.11 rejects it ("${ONE_OF}"): set host_path for a bind mount, or source (e.g. a DOCKER_VOLUME)`
      : `the volume sets ${[hostPath ? "host_path" : "", image ? "image" : "", source ? "source" : ""].filter((f) => f !== "").join(" and ")}; Mesos 1.11 rejects it ("${ONE_OF}"): keep one of them`,
  );
}

/**
 * A source's type names a sub-message that is set. Reported at "type" or at the missing field,
 * relative to the source.
 */
export function checkSourceType(source: v1.Volume_Source, c: Collector): void {
  const type = optionalEnum(source, source.$unknown, source.type, 1);
  const entry = type === undefined ? undefined : SOURCE_FIELDS[type];
  if (entry === undefined) {
    c.report(
      "volume_source_type_unknown",
      `type is ${type === SOURCE_UNKNOWN ? "UNKNOWN" : "not set"}; Mesos 1.11 rejects the volume ("'source.type' is unknown"): set DOCKER_VOLUME, SANDBOX_PATH, SECRET, HOST_PATH or CSI_VOLUME with its sub-message`,
      "type",
    );
    return;
  }
  const [field, name, set] = entry;
  if (!set(source)) {
    c.report(
      "volume_source_payload_missing",
      `type is ${name} but ${field} is not set; Mesos 1.11 rejects the volume ("'source.${field}' is not set for ${name} volume"): set ${field}`,
      field,
    );
  } else if (type === SOURCE_CSI_VOLUME && source.csiVolume?.staticProvisioning === undefined) {
    c.report(
      "volume_source_payload_missing",
      "csi_volume has no static_provisioning; Mesos 1.11 supports only statically provisioned CSI volumes: set static_provisioning with the volume_id and volume_capability",
      "csi_volume",
      "static_provisioning",
    );
  }
}

/**
 * A SANDBOX_PATH source: a type (SELF or PARENT, not unset, unknown or UNKNOWN) and a relative
 * path that stays in the sandbox. Reported at "type" and "path" of the sandbox_path.
 */
export function checkSandboxPath(s: v1.Volume_Source_SandboxPath, c: Collector): void {
  const type = optionalEnum(s, s.$unknown, s.type, 1);
  if (type === undefined || type === 0) {
    c.report(
      "sandbox_path_invalid",
      "type is not set (or UNKNOWN); the agent cannot tell whose sandbox to mount: set SELF (this container's sandbox) or PARENT (the task group's)",
      "type",
    );
  }
  const path = setString(s, "path", s.path);
  if (path === undefined) return;
  if (path.startsWith("/")) {
    c.report(
      "sandbox_path_invalid",
      `path ${quote(path)} is absolute; a SANDBOX_PATH is relative to the sandbox: write it without the leading '/'`,
      "path",
    );
  } else if ((scanPath(path) & PATH_PARENT) !== 0) {
    c.report(
      "sandbox_path_invalid",
      `path ${quote(path)} contains a '..' segment; Mesos does not allow a SANDBOX_PATH to climb out of the sandbox: name a directory below it`,
      "path",
    );
  }
}

/** A docker volume's name, when set, is not empty. Reported at "name" of the docker_volume. */
export function checkDockerVolumeName(d: v1.Volume_Source_DockerVolume, c: Collector): void {
  if (setString(d, "name", d.name) === "") {
    c.report(
      "docker_volume_name_empty",
      'name is empty; docker -v needs the volume\'s name: set it, e.g. "data"',
      "name",
    );
  }
}

/**
 * A volume without host_path in a DOCKER container (host_path wins over the others there): only
 * DOCKER_VOLUME sources are mounted, the Docker containerizer skips every other source without a
 * word, and fails on an image volume. Reported at the volume's source or image.
 */
export function checkDockerMount(c: Collector, v: v1.Volume): void {
  const source = v.source;
  if (source !== undefined) {
    if (source.type === SOURCE_DOCKER_VOLUME) return;
    c.report(
      "volume_source_ignored_by_docker",
      `the volume uses a ${v1.Volume_Source_Type[source.type] ?? "UNKNOWN"} source, which the Docker containerizer skips (it mounts only host_path and DOCKER_VOLUME sources): nothing is mounted at the container path; use host_path or a DOCKER_VOLUME, or a MESOS container`,
      "source",
    );
  } else if (v.image !== undefined) {
    c.report(
      "volume_image_in_docker",
      'the volume mounts an image, which the Docker containerizer cannot do: Mesos 1.11 fails the launch ("Host path or volume source is required"); use a MESOS container for image volumes, or host_path / a DOCKER_VOLUME',
      "image",
    );
  }
}

/**
 * One volume driver per container: the drivers of the DOCKER_VOLUME sources, and `declared`
 * DockerInfo.volume_driver (undefined when unset). Reported at the volume whose driver differs
 * from the first one named.
 */
export function checkVolumeDrivers(
  c: Collector,
  volumes: readonly v1.Volume[],
  declared: string | undefined,
): void {
  let first = declared;
  let firstWhere = "docker.volume_driver";
  for (let i = 0; i < volumes.length; i++) {
    const source = (volumes[i] as v1.Volume).source;
    const driver = source?.type === SOURCE_DOCKER_VOLUME ? source.dockerVolume?.driver : undefined;
    if (driver === undefined || driver === "") continue;
    if (first === undefined) {
      first = driver;
      firstWhere = `volumes[${i}]`;
    } else if (driver !== first) {
      c.report(
        "volume_driver_conflict",
        `driver ${quote(driver)} differs from ${quote(first)} of ${firstWhere}; docker run takes one --volume-driver, and Mesos refuses the container ("Only one volume driver is supported"): use one driver for every docker volume of the container`,
        "volumes",
        i,
        "source",
      );
    }
  }
}
