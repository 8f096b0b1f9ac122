// Seed (package mesos) → Mesos 1.11 (package mesos.v1): the moves where the shapes differ.
// - ContainerInfo.docker is field 100 in the seed and 3 in v1;
// - the seed nests volumes in DockerInfo (volume = 2, Volume{container_dir, host_dir, mode});
//   v1 has ContainerInfo.volumes = 2 (Volume{container_path, host_path, mode}, same numbers);
//   v1's DockerInfo field 2 is `network`, so the seed's field 2 must never be copied by number;
// - the legacy CommandInfo.container (removed in Mesos 0.27, absent from mesos.v1) with a
//   docker:/// image becomes the holder's ContainerInfo{type: DOCKER, docker{image}}.
// slave_id → agent_id needs no move: same number, same one-string message.
import { create, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { type IssuePath, quote } from "../problems/index.js";
import * as seed from "../schema/index.js";
import { isSet } from "../schema/index.js";
import * as v1 from "../v1/index.js";
import { legacyDockerImage } from "../validation/index.js";
import type { Direction, Move, Walk } from "./walk.js";

const moveDocker: Move = (walk, src, dst, path) => {
  const from = (src as seed.ContainerInfo).docker as seed.ContainerInfo_DockerInfo;
  const to = dst as v1.ContainerInfo;
  const at = [...path, "docker"];
  to.docker = walk.message(
    seed.ContainerInfo_DockerInfoSchema,
    from,
    v1.ContainerInfo_DockerInfoSchema,
    at,
    new Set([2]),
  ) as v1.ContainerInfo_DockerInfo;
  to.volumes = from.volume.map((volume, i) => {
    const where = [...at, "volume", i];
    if (!isSet(volume, "hostDir")) {
      walk.add(
        "anonymous_volume_refused_by_mesos",
        where,
        `the volume ${quote(volume.containerDir)} has no host_dir (an anonymous Docker volume): it converts to a mesos.v1 Volume with none of host_path, image, source, which Mesos >= 1.5 rejects ("Only one of them should be set: 'host_path', 'image' and 'source'"). Give it a host_dir, or a v1 Volume.source, before launching on Mesos 1.11.`,
      );
    }
    return walk.message(
      seed.ContainerInfo_DockerInfo_VolumeSchema,
      volume,
      v1.VolumeSchema,
      where,
    ) as v1.Volume;
  });
};

type SeedHolder = { command?: seed.CommandInfo; container?: seed.ContainerInfo };
type V1Holder = { command?: v1.CommandInfo; container?: v1.ContainerInfo };

// TaskInfo.command and ExecutorInfo.command: the command is copied without its legacy container,
// which moves to the holder's ContainerInfo.
const moveCommand: Move = (walk, src, dst, path) => {
  const holder = src as unknown as SeedHolder;
  const command = holder.command as seed.CommandInfo;
  const at = [...path, "command"];
  (dst as unknown as V1Holder).command = walk.message(
    seed.CommandInfoSchema,
    command,
    v1.CommandInfoSchema,
    at,
    new Set([4]),
  ) as v1.CommandInfo;
  const legacy = command.container;
  if (legacy !== undefined) migrateLegacy(walk, holder, dst as unknown as V1Holder, legacy, at);
};

function migrateLegacy(
  walk: Walk,
  holder: SeedHolder,
  dst: V1Holder,
  legacy: seed.CommandInfo_ContainerInfo,
  at: IssuePath,
): void {
  const where = [...at, "container"];
  const image = legacyDockerImage(legacy);
  if (image === undefined) {
    walk.add(
      "not_in_v1",
      [...where, "image"],
      `the legacy CommandInfo.container image ${quote(legacy.image)} is not a docker:/// image: Mesos 1.11 has no CommandInfo.container and no equivalent for another image scheme. Remove it to convert.`,
    );
    return;
  }
  if (holder.container !== undefined) {
    walk.add(
      "legacy_conflict",
      where,
      `the legacy CommandInfo.container (${quote(legacy.image)}) and the ContainerInfo beside it both name an image; Mesos 1.11 can carry only the ContainerInfo. Remove one of them to convert.`,
    );
    return;
  }
  dst.container = create(v1.ContainerInfoSchema, {
    type: v1.ContainerInfo_Type.DOCKER,
    docker: { image },
  });
  const dropped =
    legacy.options.length === 0
      ? ""
      : ` Its options ${quote(JSON.stringify(legacy.options))} have no v1 equivalent and are not carried (the Docker containerizer ignored them).`;
  walk.add(
    "legacy_container_migrated",
    where,
    `the legacy CommandInfo.container image ${quote(legacy.image)} became container: { type: DOCKER, docker: { image: ${quote(image)} } } (Mesos 1.11 has no CommandInfo.container).${dropped} Converting back gives this ContainerInfo form.`,
  );
}

export const SEED_TO_V1: Direction = {
  moves: new Map<string, Move>([
    ["mesos.ContainerInfo#100", moveDocker],
    ["mesos.TaskInfo#7", moveCommand],
    ["mesos.ExecutorInfo#7", moveCommand],
  ]),
  refusedCode: "not_in_v1",
  refusal(srcDesc: DescMessage, field: DescField, value: string): string {
    if (srcDesc.typeName === "mesos.CommandInfo" && field.number === 4) {
      return `the legacy ${srcDesc.typeName}.container (${value}) has no place in a mesos.v1.CommandInfo: it moves to the ContainerInfo of the TaskInfo or ExecutorInfo that holds the command. Convert that TaskInfo or ExecutorInfo instead.`;
    }
    if (srcDesc.typeName === "mesos.ContainerInfo.DockerInfo" && field.number === 2) {
      return `${srcDesc.typeName}.volume (${value}) has no place in a mesos.v1 DockerInfo: Mesos 1.11 keeps volumes in ContainerInfo.volumes. Convert the ContainerInfo that holds this DockerInfo instead.`;
    }
    return `${srcDesc.typeName}.${field.name} (${value}) has no counterpart in mesos.v1.`;
  },
  enumRefusal(srcDesc, field, value, dstField) {
    return `${srcDesc.typeName}.${field.name} is ${value}, which ${dstField.enum?.typeName ?? dstField.name} does not define.`;
  },
  requiredCode: "not_in_v1",
  requiredMessage(dstDesc, field) {
    return `${dstDesc.typeName}.${field.name} is required by Mesos 1.11 and has no seed counterpart to fill it.`;
  },
};
