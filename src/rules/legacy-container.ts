// The deprecated CommandInfo.container ({ image: "docker:///busybox" }), the 2014 API the seed
// replaces (Mesos 0.19.0 include/mesos/mesos.proto). The launchers of the time (Deimos behind the
// external containerizer, then the 0.20 Docker containerizer) stripped the literal prefix
// "docker:///" and ran the rest as the image; any other image was not a Docker launch.
import { quote } from "../problems/index.js";
import type { Collector } from "./collector.js";
import { checkImageText } from "./image.js";

/** The prefix that marks a Docker image in the legacy `CommandInfo.container.image`. */
export const LEGACY_DOCKER_PREFIX = "docker:///";

/**
 * The Docker image a legacy container names (the text after "docker:///"), or undefined when it
 * is unset or does not name a Docker image. The launch resolver uses the same function.
 */
export function legacyDockerImage(container: { image: string } | undefined): string | undefined {
  if (container === undefined) return undefined;
  const image = container.image;
  return typeof image === "string" && image.startsWith(LEGACY_DOCKER_PREFIX)
    ? image.slice(LEGACY_DOCKER_PREFIX.length)
    : undefined;
}

/** The legacy container's image (undefined when unset; the walk reports it missing). */
export function checkLegacyImage(c: Collector, image: string | undefined): void {
  if (image === undefined) return;
  if (image.startsWith(LEGACY_DOCKER_PREFIX)) {
    c.report(
      "legacy_container_deprecated",
      `command.container ${quote(image)} is the legacy docker:/// form, replaced by ContainerInfo/DockerInfo in Mesos 0.20 and removed in 0.27: use container: { type: DOCKER, docker: { image: ${quote(image.slice(LEGACY_DOCKER_PREFIX.length))} } } instead (migrateLegacyContainer rewrites it)`,
    );
    checkImageText(c, image.slice(LEGACY_DOCKER_PREFIX.length), "image", true);
  } else {
    c.report(
      "legacy_container_not_docker",
      `command.container image ${quote(image)} is not a docker:/// URI, so it is not a Docker launch (only docker:///<image> ran in Docker)${dockerHint(image)}; to run a Docker image use container: { type: DOCKER, docker: { image } }`,
      "image",
    );
  }
}

/**
 * A legacy container beside a ContainerInfo (on a TaskInfo or ExecutorInfo): two images named.
 * Reported at `command.container` of the current message.
 */
export function checkLegacyBeside(c: Collector, image: string | undefined): void {
  c.report(
    "legacy_and_container_both_set",
    `command.container${image !== undefined ? ` (${quote(image)})` : ""} and container both name a container image, and only one can be launched: remove command.container and keep container`,
    "command",
    "container",
  );
}

// A likely intended docker:/// form for common slips: "docker://busybox" and a bare "busybox".
function dockerHint(image: string): string {
  if (image.startsWith("docker://")) {
    return `: did you mean ${quote(`docker:///${image.slice(9)}`)}?`;
  }
  if (image !== "" && !image.includes("://")) {
    return `: did you mean ${quote(`${LEGACY_DOCKER_PREFIX}${image}`)}?`;
  }
  return "";
}
