// The outside anchor: protobufjs 8 static code generated at bench time from our own
// proto/mesos/mesos.proto (never committed: bench/generated/ is ignored), with the flags of
// toolchain.md §3.2. If pbjs cannot run, protobufjs reflection (`loadSync`) is the fallback; it
// was measured as fast as static code there, and the report says which one was used.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface ProtobufjsType {
  decode(bytes: Uint8Array): object;
  encode(message: object): { finish(): Uint8Array };
}

export type ProtobufjsTypes = Record<"TaskInfo" | "Offer", ProtobufjsType>;

export interface ProtobufjsAnchor {
  readonly mode: "static" | "reflection";
  readonly types: ProtobufjsTypes;
  /** Why the static code was not used, when it was not. */
  readonly note?: string;
}

const PBJS_FLAGS = [
  "-t",
  "static-module",
  "-w",
  "es6",
  "--no-verify",
  "--no-delimited",
  "--no-convert",
  "--no-comments",
];

function generateStatic(root: string, outFile: string): string | undefined {
  const pbjs = join(root, "node_modules", "protobufjs-cli", "bin", "pbjs");
  if (!existsSync(pbjs)) return `${pbjs} not found (run npm ci)`;
  const proto = join(root, "proto", "mesos", "mesos.proto");
  const run = spawnSync(process.execPath, [pbjs, ...PBJS_FLAGS, "-o", outFile, proto], {
    encoding: "utf8",
    timeout: 60_000,
  });
  if (run.status === 0 && existsSync(outFile)) return undefined;
  return `pbjs failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr.trim().slice(0, 500)}`;
}

export async function loadProtobufjs(root: string): Promise<ProtobufjsAnchor> {
  const dir = join(root, "bench", "generated", "protobufjs");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "mesos.js");
  const failure = generateStatic(root, file);
  if (failure === undefined) {
    const generated = (await import(pathToFileURL(file).href)) as {
      mesos: ProtobufjsTypes;
    };
    return { mode: "static", types: generated.mesos };
  }
  const protobuf = (await import("protobufjs")).default;
  const reflected = protobuf.loadSync(join(root, "proto", "mesos", "mesos.proto"));
  const type = (name: string) => reflected.lookupType(`mesos.${name}`) as ProtobufjsType;
  return {
    mode: "reflection",
    types: { TaskInfo: type("TaskInfo"), Offer: type("Offer") },
    note: failure,
  };
}
