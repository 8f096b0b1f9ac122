// DockerInfo.Volume: the rules a `docker -v host:container[:mode]` spec imposes (reference
// docker-and-peers.md §3), checked before anything reaches an agent. Mesos checks none of them
// (mesos.md §2.3, §2.8); Docker reports them only when the container starts.
import {
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  ContainerInfo_DockerInfo_Volume_ModeSchema as ModeSchema,
  type ContainerInfo_DockerInfo_Volume as Volume,
} from "../../gen/mesos/mesos_pb.js";
import type { Collector } from "./collector.js";
import type { SeenKeys } from "./duplicates.js";
import { quote } from "./format.js";
import {
  cleanPath,
  codeUnitName,
  controlCharIndex,
  PATH_COLON,
  PATH_CONTROL,
  PATH_NOT_CLEAN,
  PATH_PARENT,
  scanPath,
} from "./path-text.js";
import { present, reportMissing, requiredEnum } from "./presence.js";

/** Where Mesos always mounts the sandbox inside a Docker container (`--sandbox_directory`). */
export const SANDBOX_MOUNT_POINT = "/mnt/mesos/sandbox";

const SLASH = 47;

/** Walk a Volume on its own (no sibling volumes to compare with). */
export function walkVolume(v: Volume, c: Collector): void {
  checkVolume(c, v, undefined);
}

/**
 * Check one volume. With `mounts` (walking a DockerInfo's volumes in order), a container_dir
 * that repeats an earlier volume's is reported here; `siblings` names the earlier one.
 */
export function checkVolume(
  c: Collector,
  v: Volume,
  mounts: SeenKeys | undefined,
  siblings?: readonly Volume[],
): void {
  const dir = v.containerDir;
  const dirSet = present(v, "containerDir", dir, "");
  if (!dirSet) {
    reportMissing(c, v.$typeName, "container_dir");
    mounts?.add(undefined);
  } else {
    const clean = checkPathText(c, dir, "container_dir");
    if (clean !== undefined) {
      if (clean === "/") {
        c.report(
          "container_dir_is_root",
          `container_dir ${quote(dir)} is the container's root directory; Docker refuses "/" as a mount point ("destination can't be '/'"): mount a subdirectory such as "/data"`,
          "container_dir",
        );
      } else if (clean === SANDBOX_MOUNT_POINT) {
        c.report(
          "container_dir_is_sandbox",
          `container_dir ${quote(dir)} is the Mesos sandbox mount point ${SANDBOX_MOUNT_POINT}, where Mesos always mounts the sandbox; docker run fails with "Duplicate mount point": choose another directory`,
          "container_dir",
        );
      }
    }
    // Relative and empty paths (reported above) still collide when equal once cleaned.
    const key = clean ?? (dir === "" ? undefined : cleanPath(dir));
    const earlier = mounts === undefined ? -1 : mounts.add(key);
    if (earlier >= 0 && siblings !== undefined) {
      const other = (siblings[earlier] as Volume).containerDir;
      c.report(
        "duplicate_container_dir",
        `container_dir ${quote(dir)} is the same mount point as volume[${earlier}].container_dir ${quote(other)}${other === dir ? "" : " once cleaned"}; Docker refuses duplicate mount points: remove one of the volumes or change its container_dir`,
        "container_dir",
      );
    }
  }

  const hostDir = v.hostDir;
  const hostSet = present(v, "hostDir", hostDir, "");
  if (hostSet) checkPathText(c, hostDir, "host_dir");

  const mode = requiredEnum(c, v, "mode", v.mode, Mode.RW, 3, ModeSchema);
  if (mode === Mode.RO && !hostSet) {
    c.report(
      "read_only_anonymous_volume",
      `mode is RO but host_dir is unset; Mesos would pass "-v ${dirSet ? dir : "<container_dir>"}:ro", which Docker refuses as an invalid volume specification: set host_dir to an absolute host directory, or use mode RW for an anonymous volume`,
      "mode",
    );
  }
}

/**
 * The text rules shared by container_dir and host_dir. Returns the clean form when the path is
 * non-empty and absolute (the path itself when already clean), else undefined: the
 * container-specific checks make sense only then.
 */
function checkPathText(
  c: Collector,
  p: string,
  field: "container_dir" | "host_dir",
): string | undefined {
  if (p === "") {
    c.report(
      "path_empty",
      field === "container_dir"
        ? `container_dir is set but empty; docker -v cannot express an empty path: set the absolute path inside the container, e.g. "/data"`
        : `host_dir is set but empty; docker -v cannot express an empty path: set an absolute host directory, or leave host_dir unset for an anonymous volume`,
      field,
    );
    return undefined;
  }
  const found = scanPath(p);
  if ((found & PATH_CONTROL) !== 0) {
    const at = controlCharIndex(p);
    c.report(
      "path_contains_control_character",
      `${field} ${quote(p)} contains the control character ${codeUnitName(p, at)} at index ${at}; such a path cannot be passed safely to docker: remove it`,
      field,
    );
  }
  if ((found & PATH_COLON) !== 0) {
    c.report(
      "path_contains_colon",
      `${field} ${quote(p)} contains ':' at index ${p.indexOf(":")}; docker -v splits "host:container:mode" at ':', so this path cannot be written: use a directory without ':'`,
      field,
    );
  }
  if (p.charCodeAt(0) !== SLASH) {
    const suggestion = quote(cleanPath(`/${p}`));
    if (field === "container_dir") {
      c.report(
        "container_dir_not_absolute",
        `container_dir ${quote(p)} is not an absolute path; Docker requires an absolute mount point: write it from the container's root, e.g. ${suggestion}`,
        field,
      );
    } else {
      c.report(
        "host_dir_not_absolute",
        `host_dir ${quote(p)} is not an absolute path; host_dir must name an absolute host directory (library policy from the seed design; Mesos 1.x would join a relative path under the sandbox): write it from the host's root, e.g. ${suggestion}`,
        field,
      );
    }
    return undefined;
  }
  if ((found & (PATH_PARENT | PATH_NOT_CLEAN)) === 0) return p;
  const clean = cleanPath(p);
  if ((found & PATH_PARENT) !== 0) {
    c.report(
      "path_has_parent_segment",
      `${field} ${quote(p)} contains a '..' segment; Docker resolves it silently to ${quote(clean)}: write the intended directory without '..'`,
      field,
    );
  } else {
    c.report(
      "path_not_clean",
      `${field} ${quote(p)} is not in clean form ('//', a trailing '/' or a '.' segment); Docker uses ${quote(clean)}: write ${quote(clean)}`,
      field,
    );
  }
  return clean;
}
