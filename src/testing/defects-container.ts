// Near misses in ContainerInfo, DockerInfo and DockerInfo.Volume.
import { clearField, create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import {
  type ContainerInfo_DockerInfo,
  type ContainerInfo_DockerInfo_Volume,
  ContainerInfoSchema,
  ContainerInfo_DockerInfoSchema as DockerInfoSchema,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  type TaskInfo,
  ContainerInfo_DockerInfo_VolumeSchema as VolumeSchema,
} from "../schema/index.js";
import type { IssueCode, IssuePath } from "../validation/index.js";
import { LEGACY_DOCKER_PREFIX, SANDBOX_MOUNT_POINT } from "../validation/index.js";
import { absolutePath } from "./absolute-path.js";
import { imageReference } from "./image-reference.js";
import {
  commandOf,
  containerOf,
  type Defect,
  defect,
  dockerOf,
  ensureValue,
  insertAt,
  type Located,
  partDefect,
  setUnknownEnum,
  unknownEnumForm,
} from "./near-miss.js";
import { taskInfo } from "./task-info.js";
import { volume } from "./volume.js";

/** Docker launches with ContainerInfo/DockerInfo: on the task or on its executor. */
export const dockerTask = fc.oneof(
  taskInfo({ kind: "docker-task", legacy: false }),
  taskInfo({ kind: "docker-executor", legacy: false }),
);

/** A volume of the task's DockerInfo to break: an existing one, or `extra` added when none. */
function volumeOf(
  task: TaskInfo,
  [extra, n]: [ContainerInfo_DockerInfo_Volume, number],
): Located<ContainerInfo_DockerInfo_Volume> {
  const docker = dockerOf(task);
  const list = docker.value.volume;
  if (list.length === 0) list.push(create(VolumeSchema, extra));
  const index = n % list.length;
  return {
    value: list[index] as ContainerInfo_DockerInfo_Volume,
    path: [...docker.path, "volume", index],
  };
}

const volumeTarget = fc.tuple(volume(), fc.nat());

/** A volume defect: `apply` breaks the volume and returns the field of the issue. */
function volumeDefect<P>(
  code: IssueCode,
  params: fc.Arbitrary<P>,
  apply: (v: ContainerInfo_DockerInfo_Volume, p: P) => IssuePath,
): Defect {
  return partDefect(code, dockerTask, volumeTarget, volumeOf, params, apply);
}

type PathField = "container_dir" | "host_dir";
const pathField = fc.constantFrom<PathField>("container_dir", "host_dir");

/** Set container_dir or host_dir (host_dir is added where the volume had none). */
function setPath(v: ContainerInfo_DockerInfo_Volume, field: PathField, value: string): IssuePath {
  if (field === "container_dir") v.containerDir = value;
  else v.hostDir = value;
  return [field];
}

// Control characters (Unicode Cc): C0, DEL and C1.
const controlChar = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f), fc.integer({ min: 0x80, max: 0x9f }))
  .map((code) => String.fromCharCode(code));

/** References the docker CLI refuses, none starting with docker:// and none empty. */
const invalidReference = fc.oneof(
  // Breaking a valid reference: empty tag, dangling "@", leading "-", a space.
  fc.tuple(imageReference(), fc.constantFrom(":", "@", " ")).map(([ref, tail]) => ref + tail),
  imageReference().map((ref) => `-${ref}`),
  fc.constantFrom(
    "Busybox",
    "library/UPPER",
    "a//b",
    "a/",
    ":latest",
    "busybox:-tag",
    `busybox:${"t".repeat(129)}`,
    "busybox@sha256:abc",
    `busybox@sha256:${"A".repeat(64)}`,
    `busybox@md5:${"a".repeat(32)}`,
    "0123456789abcdef".repeat(4),
    `${"a/".repeat(128)}a`,
    "registry_host:5000/app",
    "[fe80::1%eth0]/app",
  ),
);

function setImage(task: TaskInfo, image: string): IssuePath {
  const docker = dockerOf(task);
  docker.value.image = image;
  return [...docker.path, "image"];
}

/** Replace the DockerInfo image (or, on a legacy task, the text after docker:///). */
function imageDefect(code: IssueCode, image: fc.Arbitrary<string>): Defect {
  const modern = defect(code, dockerTask, image, setImage);
  const legacy = defect(
    code,
    taskInfo({ legacy: true }), // only the two Docker kinds have a legacy form
    image,
    (task, value) => {
      const command = commandOf(task);
      const container = command.value.container;
      if (container === undefined)
        throw new Error("near miss: legacy task without command.container");
      container.image = LEGACY_DOCKER_PREFIX + value;
      return [...command.path, "container", "image"];
    },
  );
  return { code, arbitrary: fc.oneof(modern.arbitrary, legacy.arbitrary) };
}

/** Near misses of the container rules. */
export function containerDefects(): Defect[] {
  return [
    // --- required fields and enums ---------------------------------------------------------
    defect(
      "required_field_missing",
      dockerTask,
      fc.constantFrom("image", "type"),
      (task, field) => {
        if (field === "image") {
          const docker = dockerOf(task);
          clearField(docker.value, DockerInfoSchema.field.image);
          return [...docker.path, "image"];
        }
        const container = containerOf(task);
        clearField(container.value, ContainerInfoSchema.field.type);
        return [...container.path, "type"];
      },
    ),
    volumeDefect("required_field_missing", fc.constantFrom("container_dir", "mode"), (v, field) => {
      clearField(v, field === "mode" ? VolumeSchema.field.mode : VolumeSchema.field.containerDir);
      return [field];
    }),
    defect(
      "unknown_enum_value",
      dockerTask,
      fc.tuple(fc.constantFrom(0, 2, 7, -1), unknownEnumForm),
      (task, [value, decoded]) => {
        // An unknown type is not DOCKER: no image entrypoint, so keep the command runnable.
        ensureValue(commandOf(task).value);
        const container = containerOf(task);
        setUnknownEnum(container.value, "type", 1, value, decoded);
        return [...container.path, "type"];
      },
    ),
    volumeDefect(
      "unknown_enum_value",
      fc.tuple(fc.constantFrom(0, 3, 9, -2), unknownEnumForm),
      (v, [value, decoded]) => {
        setUnknownEnum(v, "mode", 3, value, decoded);
        return ["mode"];
      },
    ),
    // --- image -----------------------------------------------------------------------------
    imageDefect("image_empty", fc.constant("")),
    defect(
      "image_docker_uri",
      dockerTask,
      fc.tuple(imageReference(), fc.constantFrom("docker:///", "docker://")),
      (task, [ref, scheme]) => setImage(task, scheme + ref),
    ),
    imageDefect("image_invalid", invalidReference),
    defect("docker_info_missing", dockerTask, fc.constant(null), (task) => {
      // Without the DockerInfo there is no image entrypoint: keep the command runnable.
      ensureValue(commandOf(task).value);
      const container = containerOf(task);
      container.value.docker = undefined;
      return [...container.path, "docker"];
    }),
    // --- volume paths ----------------------------------------------------------------------
    volumeDefect("path_empty", pathField, (v, field) => setPath(v, field, "")),
    volumeDefect("container_dir_not_absolute", absolutePath(), (v, p) =>
      setPath(v, "container_dir", p.slice(1)),
    ),
    volumeDefect("container_dir_is_root", fc.constantFrom("/", "//", "/."), (v, p) =>
      setPath(v, "container_dir", p),
    ),
    volumeDefect("container_dir_is_sandbox", fc.constantFrom("", "/", "/."), (v, tail) =>
      setPath(v, "container_dir", SANDBOX_MOUNT_POINT + tail),
    ),
    volumeDefect("host_dir_not_absolute", absolutePath(), (v, p) =>
      setPath(v, "host_dir", p.slice(1)),
    ),
    // These two insert after the first character of the first segment (absolute paths have one).
    volumeDefect("path_contains_colon", fc.tuple(pathField, absolutePath()), (v, [field, p]) =>
      setPath(v, field, insertAt(p, 2, ":")),
    ),
    volumeDefect(
      "path_contains_control_character",
      fc.tuple(pathField, absolutePath(), controlChar),
      (v, [field, p, ch]) => setPath(v, field, insertAt(p, 2, ch)),
    ),
    volumeDefect("path_has_parent_segment", pathField, (v, field) => {
      // "/x/../x" cleans back to the volume's own path: still unique, never "/" or the sandbox.
      const current = field === "container_dir" ? v.containerDir : v.hostDir || v.containerDir;
      const last = current.slice(current.lastIndexOf("/") + 1);
      return setPath(v, field, `${current}/../${last}`);
    }),
    volumeDefect("read_only_anonymous_volume", fc.constant(null), (v) => {
      clearField(v, VolumeSchema.field.hostDir);
      v.mode = Mode.RO;
      return ["mode"];
    }),
    defect(
      "duplicate_container_dir",
      dockerTask,
      fc.tuple(volumeTarget, fc.constantFrom("", "/", "/."), fc.constantFrom(Mode.RW, Mode.RO)),
      (task, [where, tail, mode]) => {
        const target = volumeOf(task, where);
        const docker: ContainerInfo_DockerInfo = dockerOf(task).value;
        const copy = create(VolumeSchema, {
          containerDir: target.value.containerDir + tail,
          hostDir: "/srv/duplicate",
          mode,
        });
        docker.volume.push(copy);
        return [...target.path.slice(0, -1), docker.volume.length - 1, "container_dir"];
      },
    ),
  ];
}
