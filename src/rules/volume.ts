// Volumes: the rules a `docker -v host:container[:mode]` spec imposes (moby/moby
// daemon/volume/mounts/), checked before anything reaches an agent. Mesos checks none of them
// before launch; Docker reports them only when the container starts.
//
// Written once for any volume message: the rules read a VolumeView (the two paths and the mode)
// and name fields through VolumeFields, so the seed's DockerInfo.Volume (container_dir, host_dir)
// and Mesos 1.11's Volume (container_path, host_path) share them.
import { quote } from "../problems/index.js";
import type { Collector } from "./collector.js";
import { SeenKeys } from "./duplicates.js";
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

/** Where Mesos always mounts the sandbox inside a Docker container (`--sandbox_directory`). */
export const SANDBOX_MOUNT_POINT = "/mnt/mesos/sandbox";

const SLASH = 47;

// The tracker of checkDuplicateMounts (see SeenKeys), shared by every table.
const MOUNTS = new SeenKeys();

/** A volume's Mode as the rules read it (RW = 1, RO = 2 in both schemas; else undefined). */
export function volumeMode(mode: number | undefined): VolumeView["mode"] {
  return mode === 2 ? "ro" : mode === 1 ? "rw" : undefined;
}

// Verdicts of recent clean volumes, by volume index (mod CLEAN_SLOTS): the last volume at a slot
// that passed every volume rule (no issue at all), its values, the policy it was checked under
// and its clean container path. A volume with the same three values under the same policy passes
// again: checkVolume is a pure function of the view and the fields. A stream of tasks repeats its
// volumes; the test is three string comparisons instead of two path scans. The walk checks every
// volume before its list, so checkDuplicateMounts reads the clean forms here too (a pointer test
// when the path is the very same string; cleanPath is pure, so a stale slot can only miss).
// Bounded by CLEAN_SLOTS, and it holds only strings that were already checked paths.
const CLEAN_SLOTS = 16;
const okDir: (string | undefined)[] = new Array(CLEAN_SLOTS).fill(undefined);
const okHost: (string | undefined)[] = new Array(CLEAN_SLOTS).fill(undefined);
const okMode: (string | undefined)[] = new Array(CLEAN_SLOTS).fill(undefined);
const okClean: (string | undefined)[] = new Array(CLEAN_SLOTS).fill(undefined);
const okFields: (VolumeFields | undefined)[] = new Array(CLEAN_SLOTS).fill(undefined);

/** What the volume rules read: undefined for an unset path or an unset/unknown mode. */
export interface VolumeView {
  containerPath: string | undefined;
  hostPath: string | undefined;
  mode: "rw" | "ro" | undefined;
}

/** The proto field names of a volume message, used in paths and messages, and its schema's policy. */
export interface VolumeFields {
  readonly containerPath: string;
  readonly hostPath: string;
  readonly mode: string;
  /**
   * Mesos 1.11's reading (mesos.v1): a relative path is joined under the sandbox (Mesos 1.11.0
   * src/docker/docker.cpp), so only both paths relative is an error, and a volume without a host
   * path is not anonymous (it has a source, checked elsewhere). False for the seed's policy:
   * both paths absolute, an unset host path is an anonymous Docker volume.
   */
  readonly sandboxRelative: boolean;
}

/**
 * Check one volume (its required fields were checked by the walk). Issues land at the fields
 * named by `fields`, relative to the current path (the volume).
 */
export function checkVolume(c: Collector, v: VolumeView, fields: VolumeFields): void {
  const dir = v.containerPath;
  const at = c.path[c.path.length - 1];
  // A volume of a list (not one validated on its own): its slot may hold the verdict already.
  const slot = typeof at === "number" ? at % CLEAN_SLOTS : -1;
  if (slot >= 0 && knownCleanVolume(slot, fields, dir, v.hostPath, v.mode)) return;
  const before = c.issues.length;
  const clean = judgeVolume(c, v, fields);
  if (slot >= 0 && c.issues.length === before) {
    okFields[slot] = fields;
    okDir[slot] = dir;
    okHost[slot] = v.hostPath;
    okMode[slot] = v.mode;
    okClean[slot] = clean;
  }
}

// checkVolume without the verdict memo; returns the clean container path, if it has one.
function judgeVolume(c: Collector, v: VolumeView, fields: VolumeFields): string | undefined {
  const dir = v.containerPath;
  const relative = fields.sandboxRelative;
  let clean: string | undefined;
  if (dir !== undefined) {
    const field = fields.containerPath;
    clean = checkPathText(c, dir, field, true, relative);
    if (clean === "/") {
      c.report(
        "container_dir_is_root",
        `${field} ${quote(dir)} is the container's root directory; Docker refuses "/" as a mount point ("destination can't be '/'"): mount a subdirectory such as "/data"`,
        field,
      );
    } else if (clean === SANDBOX_MOUNT_POINT) {
      c.report(
        "container_dir_is_sandbox",
        `${field} ${quote(dir)} is the Mesos sandbox mount point ${SANDBOX_MOUNT_POINT}, where Mesos always mounts the sandbox; docker run fails with "Duplicate mount point": choose another directory`,
        field,
      );
    }
  }
  const hostDir = v.hostPath;
  if (hostDir !== undefined) checkPathText(c, hostDir, fields.hostPath, false, relative);
  if (relative) {
    if (isRelative(dir) && isRelative(hostDir)) {
      c.report(
        "volume_paths_both_relative",
        `${fields.hostPath} ${quote(hostDir as string)} and ${fields.containerPath} ${quote(dir as string)} are both relative; Mesos joins one relative path under the sandbox but refuses both ("Both host_path and container_path of a volume are relative"): make one of them absolute`,
        fields.hostPath,
      );
    }
    return clean;
  }
  if (v.mode === "ro" && hostDir === undefined) {
    c.report(
      "read_only_anonymous_volume",
      `${fields.mode} is RO but ${fields.hostPath} is unset; Mesos would pass "-v ${dir ?? `<${fields.containerPath}>`}:ro", which Docker refuses as an invalid volume specification: set ${fields.hostPath} to an absolute host directory, or use mode RW for an anonymous volume`,
      fields.mode,
    );
  }
  return clean;
}

// The clean form of the container path `dir` (set, non-empty) of volume `index` of a list.
function cleanMountPoint(dir: string, index: number): string {
  const slot = index % CLEAN_SLOTS;
  return (okDir[slot] === dir ? okClean[slot] : undefined) ?? cleanPath(dir);
}

// A set, non-empty path that does not start with '/'.
function isRelative(p: string | undefined): boolean {
  return p !== undefined && p !== "" && p.charCodeAt(0) !== SLASH;
}

/**
 * No two volumes of one list on the same mount point (compared cleaned, as Docker does).
 * `containerPath(v)` is a volume's container path (undefined when unset); issues land at
 * `<list>[i].<containerPath field>`.
 */
export function checkDuplicateMounts<V>(
  c: Collector,
  volumes: readonly V[],
  containerPath: (volume: V) => string | undefined,
  list: string,
  fields: VolumeFields,
  seen: SeenKeys = MOUNTS,
): void {
  const count = volumes.length;
  // The verdict cache of the last list without a duplicate: the same mount points (as read, in
  // the same order, under the same policy) have none now either.
  if (count < 2 || knownFreeMounts(volumes, containerPath, fields)) return;
  const before = c.issues.length;
  seen.reset();
  for (let i = 0; i < count; i++) {
    const dir = containerPath(volumes[i] as V);
    // Relative and empty paths (reported by checkVolume) still collide when equal once cleaned.
    const earlier = seen.add(dir === undefined || dir === "" ? undefined : cleanMountPoint(dir, i));
    if (earlier < 0) continue;
    const other = containerPath(volumes[earlier] as V) as string;
    c.report(
      "duplicate_container_dir",
      `${fields.containerPath} ${quote(dir as string)} is the same mount point as ${list}[${earlier}].${fields.containerPath} ${quote(other)}${other === dir ? "" : " once cleaned"}; Docker refuses duplicate mount points: remove one of the volumes or change its ${fields.containerPath}`,
      list,
      i,
      fields.containerPath,
    );
  }
  seen.reset();
  if (c.issues.length === before && count <= CLEAN_SLOTS) {
    for (let i = 0; i < count; i++) freeDirs[i] = containerPath(volumes[i] as V);
    freeCount = count;
    freeFields = fields;
  }
}

// The last list checkDuplicateMounts found free of duplicates (at most CLEAN_SLOTS mount points).
const freeDirs: (string | undefined)[] = new Array(CLEAN_SLOTS).fill(undefined);
let freeCount = 0;
let freeFields: VolumeFields | undefined;

/**
 * The text rules shared by both paths (`container` true for the container path). Returns the
 * clean form when the path is non-empty and absolute (the path itself when already clean), else
 * undefined: the container-specific checks make sense only then.
 */
function checkPathText(
  c: Collector,
  p: string,
  field: string,
  container: boolean,
  relativeOk: boolean,
): string | undefined {
  if (p === "") {
    c.report(
      "path_empty",
      container
        ? `${field} is set but empty; docker -v cannot express an empty path: set the absolute path inside the container, e.g. "/data"`
        : `${field} is set but empty; docker -v cannot express an empty path: set an absolute host directory, or leave ${field} unset for an anonymous volume`,
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
    // Mesos 1.11 joins a relative path under the sandbox; '..' would climb out of it.
    if (relativeOk) {
      if ((found & PATH_PARENT) !== 0) {
        c.report(
          "path_has_parent_segment",
          `${field} ${quote(p)} contains a '..' segment; Mesos joins a relative path under the sandbox, and '..' climbs out of it: write a path below the sandbox without '..'`,
          field,
        );
      }
      return undefined;
    }
    const suggestion = quote(cleanPath(`/${p}`));
    if (container) {
      c.report(
        "container_dir_not_absolute",
        `${field} ${quote(p)} is not an absolute path; Docker requires an absolute mount point: write it from the container's root, e.g. ${suggestion}`,
        field,
      );
    } else {
      c.report(
        "host_dir_not_absolute",
        `${field} ${quote(p)} is not an absolute path; ${field} must name an absolute host directory (library policy from the seed design; Mesos 1.x would join a relative path under the sandbox): write it from the host's root, e.g. ${suggestion}`,
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

/**
 * For a fast verdict (Binding.clean): true when volume `index` of a list, with these view values
 * under `fields`, is what its slot remembers as clean, so checkVolume would report nothing (it is
 * a pure function of them). False means "not known", never "not clean". Under a sandboxRelative
 * policy the rules never read the mode (judgeVolume), so `mode` is not compared there.
 */
export function knownCleanVolume(
  index: number,
  fields: VolumeFields,
  containerPath: string | undefined,
  hostPath: string | undefined,
  mode: VolumeView["mode"],
): boolean {
  const slot = index % CLEAN_SLOTS;
  return (
    okFields[slot] === fields &&
    okDir[slot] === containerPath &&
    okHost[slot] === hostPath &&
    (fields.sandboxRelative || okMode[slot] === mode)
  );
}

/**
 * For a fast verdict: true when checkDuplicateMounts would report nothing on `volumes` (fewer
 * than two, or the mount points of the last list it found free, in order, under `fields`).
 */
export function knownFreeMounts<V>(
  volumes: readonly V[],
  containerPath: (volume: V) => string | undefined,
  fields: VolumeFields,
): boolean {
  const count = volumes.length;
  if (count < 2) return true;
  if (count !== freeCount || fields !== freeFields) return false;
  for (let i = 0; i < count; i++) if (containerPath(volumes[i] as V) !== freeDirs[i]) return false;
  return true;
}

/**
 * knownFreeMounts one volume at a time, for a verdict that already loops over the list: true
 * when the last list checkDuplicateMounts found free under `fields` had `count` volumes and
 * `mountPoint` at `index`. All indexes true (with count >= 2) means knownFreeMounts.
 */
export function knownFreeMount(
  index: number,
  count: number,
  fields: VolumeFields,
  mountPoint: string | undefined,
): boolean {
  return count === freeCount && fields === freeFields && freeDirs[index] === mountPoint;
}
