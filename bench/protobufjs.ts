// The outside anchor: protobufjs 8 static code generated at bench time from our own
// proto/mesos/mesos.proto and proto/mesos/v1/mesos.proto, into one module (never committed:
// bench/generated/ is ignored), by `pbjs -t static-module -w es6` with verification, delimited
// and conversion code left out (see the flags below; protobufjs's cli/README.md documents them).
// If pbjs cannot run, protobufjs reflection (`loadSync`) is the fallback; it measures about as
// fast as static code, and the report says which one was used.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface ProtobufjsType {
  decode(bytes: Uint8Array): object;
  encode(message: object): { finish(): Uint8Array };
}

/** The anchored message types: the seed's, and Mesos 1.11's under "v1.". */
export type ProtobufjsTypeName = "TaskInfo" | "Offer" | "v1.TaskInfo" | "v1.Offer";

export type ProtobufjsTypes = Record<ProtobufjsTypeName, ProtobufjsType>;

const PROTOS = [join("proto", "mesos", "mesos.proto"), join("proto", "mesos", "v1", "mesos.proto")];

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
  const protos = PROTOS.map((p) => join(root, p));
  const run = spawnSync(process.execPath, [pbjs, ...PBJS_FLAGS, "-o", outFile, ...protos], {
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
    const { mesos } = (await import(pathToFileURL(file).href)) as {
      mesos: Record<"TaskInfo" | "Offer", ProtobufjsType> & {
        v1: Record<"TaskInfo" | "Offer", ProtobufjsType>;
      };
    };
    return {
      mode: "static",
      types: {
        TaskInfo: mesos.TaskInfo,
        Offer: mesos.Offer,
        "v1.TaskInfo": mesos.v1.TaskInfo,
        "v1.Offer": mesos.v1.Offer,
      },
    };
  }
  const protobuf = (await import("protobufjs")).default;
  const reflected = protobuf.loadSync(PROTOS.map((p) => join(root, p)));
  const type = (name: string) => reflected.lookupType(`mesos.${name}`) as ProtobufjsType;
  return {
    mode: "reflection",
    types: {
      TaskInfo: type("TaskInfo"),
      Offer: type("Offer"),
      "v1.TaskInfo": type("v1.TaskInfo"),
      "v1.Offer": type("v1.Offer"),
    },
    note: failure,
  };
}
