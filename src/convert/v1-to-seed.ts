// Mesos 1.11 (package mesos.v1) → seed (package mesos): the moves where the shapes differ (the
// mirror of seed-to-v1.ts) and the reasons the seed cannot carry what Mesos added after 2014.
// Names, numbers and versions: Mesos 1.11.0 include/mesos/v1/mesos.proto.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import * as seed from "../schema/index.js";
import * as v1 from "../v1/index.js";
import type { Direction, Move } from "./walk.js";

// v1 ContainerInfo.docker (3) → seed ContainerInfo.docker (100), with ContainerInfo.volumes (2)
// moved into it as DockerInfo.volume.
const moveDocker: Move = (walk, src, dst, path) => {
  const from = src as v1.ContainerInfo;
  const at = [...path, "docker"];
  const docker = walk.message(
    v1.ContainerInfo_DockerInfoSchema,
    from.docker as v1.ContainerInfo_DockerInfo,
    seed.ContainerInfo_DockerInfoSchema,
    at,
  ) as seed.ContainerInfo_DockerInfo;
  if (carriesVolumes(from)) {
    docker.volume = from.volumes.map(
      (volume, i) =>
        walk.message(v1.VolumeSchema, volume, seed.ContainerInfo_DockerInfo_VolumeSchema, [
          ...path,
          "volumes",
          i,
        ]) as seed.ContainerInfo_DockerInfo_Volume,
    );
  }
  (dst as seed.ContainerInfo).docker = docker;
};

// Volumes are moved by moveDocker when the seed has a DockerInfo to hold them; otherwise each is
// refused.
const moveVolumes: Move = (walk, src, _dst, path) => {
  const from = src as v1.ContainerInfo;
  if (carriesVolumes(from)) return;
  const kind =
    from.type === v1.ContainerInfo_Type.DOCKER
      ? "a DOCKER container without docker"
      : `a ${v1.ContainerInfo_Type[from.type] ?? from.type} container`;
  from.volumes.forEach((_, i) => {
    walk.add(
      "not_in_seed",
      [...path, "volumes", i],
      `mesos.v1.ContainerInfo.volumes[${i}] belongs to ${kind}: the seed keeps volumes inside DockerInfo, so it can carry only a Docker container's volumes.`,
    );
  });
};

function carriesVolumes(container: v1.ContainerInfo): boolean {
  return container.type === v1.ContainerInfo_Type.DOCKER && container.docker !== undefined;
}

const FIX = "Clear it to convert, or keep the message as mesos.v1.";

// Why the seed cannot hold a v1 field, by v1 type and field name. Fields not listed get a generic
// reason naming the seed type; every one is an error either way.
const REASONS: Readonly<Record<string, string>> = {
  "mesos.v1.ContainerInfo.DockerInfo.network":
    "the seed's DockerInfo has only image and volumes and no network mode: it always runs --net host (HOST converts to nothing)",
  "mesos.v1.ContainerInfo.DockerInfo.port_mappings":
    "the seed has no port mappings (they need BRIDGE or USER networking, which it cannot ask for)",
  "mesos.v1.ContainerInfo.DockerInfo.privileged":
    "the seed cannot ask for a privileged container (false converts to nothing)",
  "mesos.v1.ContainerInfo.DockerInfo.parameters": "the seed has no free-form docker run parameters",
  "mesos.v1.ContainerInfo.DockerInfo.force_pull_image": "the seed has no image pull policy",
  "mesos.v1.ContainerInfo.DockerInfo.volume_driver":
    "the seed has no volume drivers (deprecated in Mesos too, for Volume.source.docker_volume)",
  "mesos.v1.ContainerInfo.type":
    "the seed describes Docker containers only: its ContainerInfo.Type has only DOCKER",
  "mesos.v1.ContainerInfo.hostname": "the seed cannot set a container hostname",
  "mesos.v1.ContainerInfo.mesos": "the seed has no Mesos containerizer (MesosInfo) images",
  "mesos.v1.ContainerInfo.network_infos": "the seed has no container networks (NetworkInfo)",
  "mesos.v1.ContainerInfo.linux_info":
    "the seed has no Linux capabilities, seccomp or IPC settings",
  "mesos.v1.ContainerInfo.rlimit_info": "the seed has no resource limits (rlimits)",
  "mesos.v1.ContainerInfo.tty_info": "the seed cannot attach a TTY",
  "mesos.v1.Volume.image":
    "the seed's volumes are host directories or anonymous Docker volumes, never images",
  "mesos.v1.Volume.source":
    "the seed's volumes are host directories or anonymous Docker volumes; it has no volume sources (DOCKER_VOLUME, HOST_PATH, SANDBOX_PATH, SECRET, CSI_VOLUME)",
  "mesos.v1.TaskInfo.health_check": "the seed has no health checks",
  "mesos.v1.TaskInfo.check": "the seed has no checks",
  "mesos.v1.TaskInfo.kill_policy": "the seed has no kill policy (grace period)",
  "mesos.v1.TaskInfo.discovery": "the seed has no service discovery information",
  "mesos.v1.TaskInfo.max_completion_time": "the seed has no task deadline",
  "mesos.v1.TaskInfo.limits": "the seed has no resource limits beyond the requested resources",
  "mesos.v1.ExecutorInfo.type":
    "the seed has only command-started (custom) executors; DEFAULT executors and task groups came with Mesos 1.1",
  "mesos.v1.ExecutorInfo.discovery": "the seed has no service discovery information",
  "mesos.v1.ExecutorInfo.shutdown_grace_period": "the seed has no executor shutdown grace period",
  "mesos.v1.ExecutorInfo.labels": "the seed's ExecutorInfo has no labels",
  "mesos.v1.Environment.Variable.type":
    "the seed's variables are plain values (the type field, and SECRET variables, came with Mesos 1.2)",
  "mesos.v1.Environment.Variable.secret": "the seed has no secrets",
  "mesos.v1.CommandInfo.URI.cache": "the seed's fetcher has no cache flag",
  "mesos.v1.CommandInfo.URI.output_file": "the seed's fetcher has no output file name",
  "mesos.v1.Resource.provider_id": "the seed has no resource providers",
  "mesos.v1.Resource.allocation_info": "the seed has no multi-role allocation information",
  "mesos.v1.Resource.reservation": "the seed has no reservations beyond the role",
  "mesos.v1.Resource.reservations": "the seed has no reservations beyond the role",
  "mesos.v1.Resource.disk": "the seed has no disk information (persistent volumes, disk sources)",
  "mesos.v1.Resource.revocable": "the seed has no revocable resources",
  "mesos.v1.Resource.shared": "the seed has no shared resources",
  "mesos.v1.Offer.url": "the seed's Offer has no agent URL",
  "mesos.v1.Offer.domain": "the seed has no fault domains",
  "mesos.v1.Offer.unavailability": "the seed has no maintenance unavailability",
  "mesos.v1.Offer.allocation_info": "the seed has no multi-role allocation information",
};

// Values of v1 fields the seed lacks that say what the seed does anyway, so they convert to
// nothing: the seed's Docker path runs `--net host`, unprivileged, pulling only when the image is
// missing, and its environment variables are plain values. Mesos writes these defaults into every
// JSON message it serializes (reference: stout's jsonify writes declared defaults), so without
// them no Docker task read from a real master could convert.
const IMPLIED: Readonly<Record<string, unknown>> = {
  "mesos.v1.ContainerInfo.DockerInfo.network": v1.ContainerInfo_DockerInfo_Network.HOST,
  "mesos.v1.ContainerInfo.DockerInfo.privileged": false,
  "mesos.v1.ContainerInfo.DockerInfo.force_pull_image": false,
  "mesos.v1.Environment.Variable.type": v1.Environment_Variable_Type.VALUE,
};

export const V1_TO_SEED: Direction = {
  implied(srcDesc, field, value) {
    const name = `${srcDesc.typeName}.${field.name}`;
    return Object.hasOwn(IMPLIED, name) && IMPLIED[name] === value;
  },
  moves: new Map<string, Move>([
    ["mesos.v1.ContainerInfo#2", moveVolumes],
    ["mesos.v1.ContainerInfo#3", moveDocker],
  ]),
  refusedCode: "not_in_seed",
  refusal(srcDesc: DescMessage, field: DescField, value: string): string {
    const name = `${srcDesc.typeName}.${field.name}`;
    const seedType = srcDesc.typeName
      .replace(/^mesos\.v1\./, "mesos.")
      .replace("mesos.AgentID", "mesos.SlaveID");
    const why = REASONS[name] ?? `the seed's ${seedType} has no field ${field.number}`;
    return `${name} (${value}) cannot be carried by the seed schema: ${why}. ${FIX}`;
  },
  enumRefusal(srcDesc, field, value, _dstField) {
    const name = `${srcDesc.typeName}.${field.name}`;
    const known = field.enum?.values.find((v) => v.number === value);
    const shown = known === undefined ? String(value) : `${known.name} (${value})`;
    const why =
      REASONS[name] ??
      `the seed's ${field.enum?.typeName.replace("mesos.v1.", "mesos.")} has no value ${value}`;
    return `${name} is ${shown}, which the seed schema cannot carry: ${why}.`;
  },
  requiredCode: "required_in_seed",
  requiredMessage(dstDesc, field) {
    const v1Name = `${dstDesc.typeName.replace(/^mesos\./, "mesos.v1.")}.${field.name}`;
    const why =
      v1Name === "mesos.v1.ExecutorInfo.command"
        ? " (a DEFAULT executor, whose command Mesos 1.1 made optional, has no seed form)"
        : v1Name === "mesos.v1.Environment.Variable.value"
          ? " (a SECRET variable, whose value Mesos 1.2 made optional, has no seed form)"
          : "";
    return `${v1Name} is not set, but the seed's ${dstDesc.typeName}.${field.name} is required${why}. Set it to convert.`;
  },
};
