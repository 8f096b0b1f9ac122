// ContainerInfo and ContainerInfo.DockerInfo (the seed's design).
import {
  type ContainerInfo,
  ContainerInfo_Type,
  ContainerInfo_TypeSchema,
  type ContainerInfo_DockerInfo as DockerInfo,
} from "../../gen/mesos/mesos_pb.js";
import type { Collector } from "./collector.js";
import { checkImageText } from "./docker-image.js";
import { SeenKeys } from "./duplicates.js";
import { present, reportMissing, requiredEnum } from "./presence.js";
import { checkVolume } from "./volume.js";

/** ContainerInfo: `type` set and known; DOCKER requires `docker`. */
export function walkContainerInfo(msg: ContainerInfo, c: Collector): void {
  const type = requiredEnum(
    c,
    msg,
    "type",
    msg.type,
    ContainerInfo_Type.DOCKER,
    1,
    ContainerInfo_TypeSchema,
  );
  const docker = msg.docker;
  if (docker === undefined) {
    if (type === ContainerInfo_Type.DOCKER) {
      c.report(
        "docker_info_missing",
        `type is DOCKER but docker is not set; Mesos rejects it ("DockerInfo 'docker' is not set for DOCKER typed ContainerInfo"): set docker, e.g. { image: "busybox:1.36" }`,
        "docker",
      );
    }
    return;
  }
  c.path.push("docker");
  walkDockerInfo(docker, c);
  c.path.pop();
}

/** DockerInfo: the image rules, each volume, and no two volumes on one mount point. */
export function walkDockerInfo(msg: DockerInfo, c: Collector): void {
  const image = msg.image;
  if (present(msg, "image", image, "")) {
    checkImageText(c, image, "image", false);
  } else {
    reportMissing(c, msg.$typeName, "image");
  }
  const volumes = msg.volume;
  if (volumes.length === 0) return;
  // One tracker serves every DockerInfo: the walk is synchronous and DockerInfos do not nest.
  // A single volume cannot repeat a mount point: skip the tracking.
  const seen = volumes.length > 1 ? mounts : undefined;
  seen?.reset();
  for (let i = 0; i < volumes.length; i++) {
    c.path.push("volume", i);
    checkVolume(c, volumes[i] as DockerInfo["volume"][number], seen, volumes);
    c.path.pop();
    c.path.pop();
  }
  seen?.reset();
}

const mounts = new SeenKeys();
