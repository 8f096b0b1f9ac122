// What the numbers were measured on: they mean little without the machine, Node and versions.
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, release, totalmem, type } from "node:os";
import { join } from "node:path";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly v8: string;
  readonly versions: Record<string, string>;
}

/** "model name" from /proc/cpuinfo where it exists (Linux), else what os.cpus() reports. */
function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return line.slice(line.indexOf(":") + 1).trim();
  } catch {
    // not Linux: fall through
  }
  return cpus()[0]?.model.trim() ?? "unknown CPU";
}

function packageVersion(root: string, name: string): string {
  try {
    const file = join(root, "node_modules", name, "package.json");
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "not installed";
  }
}

export function describeMachine(root: string): Machine {
  const packages = [
    "@bufbuild/protobuf",
    "protobufjs",
    "protobufjs-cli",
    "tinybench",
    "typescript",
  ];
  return {
    cpu: cpuModel(),
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    v8: process.versions.v8,
    versions: Object.fromEntries(packages.map((p) => [p, packageVersion(root, p)])),
  };
}
