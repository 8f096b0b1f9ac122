// The image rules, shared by DockerInfo.image, the image of a legacy CommandInfo.container
// ("docker:///<image>") and any other field naming a Docker image: non-empty, not a docker://
// URI, and a reference the docker CLI accepts (distribution/reference grammar, image-reference.ts).
import { quote } from "../problems/index.js";
import type { Collector } from "./collector.js";
import { type ImageReferenceResult, parseImageReference } from "./image-reference.js";

const DOCKER_URI = "docker://";

// Results for image references that parsed as valid recently. A stream of tasks names a handful
// of images, and parsing (which also builds the normalized names) is the costliest rule; a Map
// lookup is a fraction of it. Bounded: cleared when full, so hostile input cannot grow it.
const recent = new Map<string, ImageReferenceResult>();
const RECENT_MAX = 256;

/**
 * parseImageReference through a bounded cache of recent successes, shared by validate and the
 * launch resolver so a task's image is parsed once. A cached result and its reference are frozen
 * (shared between callers); failures are not cached (they are rare and carry the input).
 */
export function cachedImageReference(image: string): ImageReferenceResult {
  // The image asked for last (validate asks, then the resolver asks again for the same task):
  // a string comparison, without hashing the string for the map.
  if (image === lastImage) return lastResult as ImageReferenceResult;
  let result = recent.get(image);
  if (result === undefined) {
    result = parseImageReference(image);
    if (!result.success) return result;
    if (recent.size >= RECENT_MAX) recent.clear();
    Object.freeze(result.reference);
    recent.set(image, Object.freeze(result));
  }
  lastImage = image;
  lastResult = result;
  return result;
}

// The last success of cachedImageReference (always also in `recent`).
let lastImage: string | undefined;
let lastResult: ImageReferenceResult | undefined;

/**
 * The fast verdict for the rules-only walk (Binding.clean): true only when checkImageText reports
 * nothing on `image` (raw: unset reads "", which is "not sure").
 */
export function cleanImageText(image: string): boolean {
  return image !== "" && !image.startsWith(DOCKER_URI) && cachedImageReference(image).success;
}

/**
 * Check an image reference reported at `field` of the current message. `legacy` is true for the
 * text after a legacy "docker:///" prefix, which changes the wording only.
 */
export function checkImageText(c: Collector, image: string, field: string, legacy: boolean): void {
  const what = legacy ? "the image after docker:///" : "image";
  if (image === "") {
    c.report(
      "image_empty",
      `${what} is empty; docker run needs an image: name one, e.g. "busybox:1.36"`,
      field,
    );
    return;
  }
  if (image.startsWith(DOCKER_URI)) {
    const plain = image.slice(image.startsWith("docker:///") ? 10 : 9);
    c.report(
      "image_docker_uri",
      legacy
        ? `${what} ${quote(image)} repeats the docker:// scheme; write the plain reference after docker:///, e.g. ${quote(`docker:///${plain}`)}`
        : `image ${quote(image)} uses the docker:/// URI form, which belongs to the legacy CommandInfo.container; DockerInfo.image takes a plain reference: write ${quote(plain)}`,
      field,
    );
    return;
  }
  const parsed = cachedImageReference(image);
  if (!parsed.success) {
    c.report(
      "image_invalid",
      `${what} is not a valid Docker image reference: ${parsed.error.message}; the docker CLI refuses it when the container starts`,
      field,
    );
  }
}

/** Image.Type numbers (Mesos 1.11 Image). */
export const IMAGE_APPC = 1;
export const IMAGE_DOCKER = 2;

/**
 * A Mesos containerizer image (mesos.v1 Image): the field `type` names is set, and an Appc name is
 * not empty (`appcName` undefined when appc is unset). Docker names go through checkImageText at
 * the docker message. `type` is undefined when unset or unknown (reported by the walk).
 */
export function checkImagePayload(
  c: Collector,
  type: number | undefined,
  docker: boolean,
  appcName: string | undefined,
): void {
  if (type === IMAGE_DOCKER && !docker) {
    c.report(
      "image_payload_missing",
      'type is DOCKER but docker is not set; the provisioner has no image to pull: set docker: { name: "busybox:1.36" }',
      "docker",
    );
  } else if (type === IMAGE_APPC) {
    if (appcName === undefined) {
      c.report(
        "image_payload_missing",
        'type is APPC but appc is not set; the provisioner has no image to fetch: set appc: { name: "example.com/app" }',
        "appc",
      );
    } else if (appcName === "") {
      c.report(
        "image_payload_missing",
        "type is APPC but appc.name is empty; the provisioner has no image to fetch: set the image's name",
        "appc",
        "name",
      );
    }
  }
}
