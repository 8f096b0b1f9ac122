// v1Volume(): Mesos 1.11 volumes that pass validateVolume (src/common/validation.cpp, 1.11.0):
// exactly one of host_path, image, source, and a source's type matched by its sub-message.
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import {
  Volume_Source_SandboxPath_Type as SandboxType,
  Volume_Source_Type as SourceType,
  type Volume,
  Volume_Mode,
  VolumeSchema,
} from "../../v1/index.js";
import { absolutePath } from "../absolute-path.js";
import { charsOf, identifier } from "../text.js";

/** The volume kinds {@link v1Volume} generates. */
export type V1VolumeKind = "host_path" | "HOST_PATH" | "DOCKER_VOLUME" | "SANDBOX_PATH";

/** Options of {@link v1Volume}. */
export interface V1VolumeOptions {
  /** Which kinds to draw from (default: all four). */
  readonly kinds?: readonly V1VolumeKind[];
  /** Allow SANDBOX_PATH of type PARENT (only meaningful in a task group; default false). */
  readonly parentSandbox?: boolean;
}

const mode = fc.constantFrom(Volume_Mode.RW, Volume_Mode.RO);
// A relative path below the sandbox: 1–3 plain segments.
const relativePath = fc
  .array(charsOf("abcdefghijklmnopqrstuvwxyz0123456789_-", 1, 8), { minLength: 1, maxLength: 3 })
  .map((s) => s.join("/"));

function source(kind: V1VolumeKind, parentSandbox: boolean): fc.Arbitrary<Record<string, unknown>> {
  switch (kind) {
    case "host_path":
      return absolutePath().map((hostPath) => ({ hostPath }));
    case "HOST_PATH":
      return absolutePath().map((path) => ({
        source: { type: SourceType.HOST_PATH, hostPath: { path } },
      }));
    case "DOCKER_VOLUME":
      return fc
        .record(
          // One driver per container (Mesos refuses two): "local" or none.
          { driver: fc.constant("local"), name: identifier(12) },
          { requiredKeys: ["name"] },
        )
        .map((dockerVolume) => ({ source: { type: SourceType.DOCKER_VOLUME, dockerVolume } }));
    case "SANDBOX_PATH":
      return fc
        .record({
          type: parentSandbox
            ? fc.constantFrom(SandboxType.SELF, SandboxType.PARENT)
            : fc.constant(SandboxType.SELF),
          path: relativePath,
        })
        .map((sandboxPath) => ({ source: { type: SourceType.SANDBOX_PATH, sandboxPath } }));
  }
}

/**
 * Valid v1 volumes: an absolute `container_path`, a mode, and exactly one of a `host_path` bind
 * mount or a `source` of type HOST_PATH, DOCKER_VOLUME (a name, optionally a driver) or
 * SANDBOX_PATH (a relative path, SELF — or PARENT with `parentSandbox`).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { v1Volume } from "mesos-dockerinfo/testing";
 *
 * fc.sample(v1Volume({ kinds: ["DOCKER_VOLUME"] }), 1);
 * // [{ containerPath: "/a", mode: RW, source: { type: DOCKER_VOLUME, dockerVolume: { name: "x" } } }]
 * ```
 */
export function v1Volume(options: V1VolumeOptions = {}): fc.Arbitrary<Volume> {
  const kinds = options.kinds ?? ["host_path", "HOST_PATH", "DOCKER_VOLUME", "SANDBOX_PATH"];
  const parent = options.parentSandbox === true;
  return fc
    .record({
      containerPath: absolutePath(),
      mode,
      from: fc.oneof(...kinds.map((k) => source(k, parent))),
    })
    .map(({ from, ...rest }) => create(VolumeSchema, { ...rest, ...from }));
}

/** 0–`max` volumes with distinct container paths (Docker refuses duplicate mount points). */
export function v1Volumes(options: V1VolumeOptions = {}, max = 3): fc.Arbitrary<Volume[]> {
  return fc.uniqueArray(v1Volume(options), { selector: (v) => v.containerPath, maxLength: max });
}
