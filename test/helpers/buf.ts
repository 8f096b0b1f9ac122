// Runs the buf CLI from node_modules (Go protobuf: an implementation independent of protobuf-es).
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BUF = resolve(ROOT, "node_modules/.bin/buf");

export interface BufResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

export function buf(args: string[], options: { cwd?: string; input?: Uint8Array } = {}): BufResult {
  const r = spawnSync(BUF, args, {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: {
      ...process.env,
      PATH: `${resolve(ROOT, "node_modules/.bin")}:${process.env.PATH ?? ""}`,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}
