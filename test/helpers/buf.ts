// Runs the buf CLI from node_modules (Go protobuf: an implementation independent of protobuf-es).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { arch, platform } from "node:process";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

// node_modules/.bin/buf is a Node script that starts the platform's Go binary and waits for it:
// a second process and a Node start-up (about half the CPU of a short buf run) for every call.
// The tests run the binary itself (@bufbuild/buf's optional dependency for this platform, the
// one that script would start, with the same arguments); the script only where it is missing.
const BINARY_PACKAGES: Record<string, string> = {
  "darwin arm64": "@bufbuild/buf-darwin-arm64",
  "darwin x64": "@bufbuild/buf-darwin-x64",
  "linux arm64": "@bufbuild/buf-linux-aarch64",
  "linux x64": "@bufbuild/buf-linux-x64",
};

function bufBinary(): string {
  const pkg = BINARY_PACKAGES[`${platform} ${arch}`];
  if (pkg !== undefined) {
    try {
      return createRequire(resolve(ROOT, "package.json")).resolve(`${pkg}/bin/buf`);
    } catch {
      // Not installed (another platform's lockfile, or an install without optionals).
    }
  }
  return resolve(ROOT, "node_modules/.bin/buf");
}

export const BUF = bufBinary();

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
