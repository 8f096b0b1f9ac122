// --version: read from the package's own package.json at run time, so the number can never drift
// from what npm installed. The file is found by walking up from this module, which works from
// src/cli (tests), dist/src/cli (the build) and node_modules/mesos-dockerinfo/dist/src/cli.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "mesos-dockerinfo";

export function readVersion(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let directory = from; ; directory = dirname(directory)) {
    const manifest = readManifest(join(directory, "package.json"));
    if (manifest?.name === PACKAGE_NAME && typeof manifest.version === "string") {
      return manifest.version;
    }
    if (dirname(directory) === directory) {
      throw new Error(`cannot find the package.json of ${PACKAGE_NAME} above ${from}`);
    }
  }
}

function readManifest(path: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as { name?: unknown; version?: unknown };
  } catch {
    return undefined;
  }
}
