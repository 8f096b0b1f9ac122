// absolutePath(): volume paths that every path rule accepts without a warning.
import * as fc from "fast-check";
import { SANDBOX_MOUNT_POINT } from "../validation/index.js";
import { safeText } from "./text.js";

// A segment holds no "/" (it separates segments), no ":" (docker -v splits on it) and no control
// character; "." and ".." segments are made longer instead (they are not clean / escape the tree).
const segment = safeText(/[/:]/u, 1, 8).map((s) => (s === "." || s === ".." ? `${s}_` : s));

/**
 * Clean absolute paths: `/` followed by 1–4 non-empty segments of readable ASCII and any other
 * code point, except `/`, `:` and control characters; no `.` or `..` segment, no `//`, no trailing
 * `/`; never `/` itself nor the sandbox mount point `/mnt/mesos/sandbox` (paths below it are fine).
 * Valid as `container_dir` and as `host_dir`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { absolutePath } from "mesos-dockerinfo/testing";
 *
 * fc.sample(absolutePath(), 3); // e.g. ["/a", "/var/lib/x y", "/data/é=1/ab"]
 * ```
 */
export function absolutePath(): fc.Arbitrary<string> {
  return fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => {
    const path = `/${segments.join("/")}`;
    // The one clean path the rules still refuse: extend it rather than filter it out.
    return path === SANDBOX_MOUNT_POINT ? `${path}_` : path;
  });
}
