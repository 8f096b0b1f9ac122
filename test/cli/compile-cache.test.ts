// The shipped bin's code cache for its chunks (src/cli/compile-cache.ts), on Node without
// module.enableCompileCache: written on the first run, read on the next, and never a reason for a
// different result: a missing, corrupt or refused cache only means compiling as usual. Spawned,
// since only the bin installs it; each test gets its own temporary folder (TMPDIR) for the cache.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./run-cli.js";

const BIN = join(
  ROOT,
  (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> })
    .bin["mesos-dockerinfo"] ?? "",
);

const work = mkdtempSync(join(tmpdir(), "mesos-dockerinfo-cache-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Node 22.1 and later have their own compile cache; the bin then leaves the chunks alone. */
const ownCache = "enableCompileCache" in Module;

function check(temp: string, file: string, extra: Record<string, string> = {}) {
  if (!existsSync(BIN)) throw new Error(`no built bin at ${BIN}: run \`npm run build\``);
  const r = spawnSync(process.execPath, [BIN, "check", file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", TMPDIR: temp, ...extra },
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every cache file under `temp`. */
function cacheFiles(temp: string): string[] {
  return readdirSync(temp, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".v8"))
    .map((name) => join(temp, name));
}

function freshTemp(): string {
  return mkdtempSync(join(work, "tmp-"));
}

describe("the bin's chunk compile cache", () => {
  it.each(["examples/docker-task.json", "examples/v1-docker-task.json"])(
    "gives the same report with no cache, a written cache and a corrupt cache: %s",
    (file) => {
      const temp = freshTemp();
      const first = check(temp, file);
      expect([0, 1], first.stderr).toContain(first.status);
      const written = cacheFiles(temp);
      if (ownCache) {
        expect(written).toEqual([]);
        return;
      }
      // check loads at least the library and the check chunk.
      expect(written.some((path) => /library\.cjs-/.test(path))).toBe(true);
      expect(written.some((path) => /check\.cjs-/.test(path))).toBe(true);

      expect(check(temp, file)).toEqual(first);

      for (const path of written) writeFileSync(path, "not a V8 code cache");
      expect(check(temp, file)).toEqual(first);
      // A refused cache is written again.
      for (const path of cacheFiles(temp)) {
        expect(readFileSync(path, "utf8")).not.toBe("not a V8 code cache");
      }
    },
  );

  it.runIf(!ownCache && typeof process.getuid === "function")(
    "neither reads nor writes a cache folder that others can write to",
    () => {
      const temp = freshTemp();
      const file = "examples/docker-task.json";
      const first = check(temp, file);
      const written = cacheFiles(temp);
      expect(written.length).toBeGreaterThan(0);
      for (const path of written) writeFileSync(path, "planted by someone else");
      const base = readdirSync(temp).find((name) => name.startsWith("mesos-dockerinfo-compile"));
      expect(base).toBeDefined();
      chmodSync(join(temp, base as string), 0o777);
      expect(check(temp, file)).toEqual(first);
      // Not rewritten either: the folder is not trusted for writing.
      for (const path of written)
        expect(readFileSync(path, "utf8")).toBe("planted by someone else");
    },
  );

  it.runIf(!ownCache)(
    "keeps a bounded number of caches per chunk: a new build's cache evicts the oldest",
    () => {
      const temp = freshTemp();
      const file = "examples/docker-task.json";
      check(temp, file);
      const [current] = cacheFiles(temp).filter((path) => /library\.cjs-/.test(path));
      expect(current).toBeDefined();
      const folder = dirname(current as string);
      // Six caches of earlier builds of the same chunk (other sizes and times), oldest first,
      // and one of another chunk that must stay.
      const stale = Array.from({ length: 6 }, (_, i) =>
        join(folder, `library.cjs-${i + 1}-${i + 1}.v8`),
      );
      stale.forEach((path, i) => {
        writeFileSync(path, "an old build's cache");
        utimesSync(path, 1_000_000 + i, 1_000_000 + i);
      });
      const otherChunk = join(folder, "check.cjs-1-1.v8");
      writeFileSync(otherChunk, "an old build's cache");
      rmSync(current as string); // as after a rebuild: the current chunk has no cache yet
      expect(check(temp, file).status).toBe(0);
      const library = cacheFiles(temp).filter((path) => /library\.cjs-/.test(path));
      // The new cache and the three newest of the old ones.
      expect(library.sort()).toEqual([current, ...stale.slice(3)].sort());
      expect(existsSync(otherChunk)).toBe(true);
    },
  );

  it("writes nothing with NODE_DISABLE_COMPILE_CACHE set", () => {
    const temp = freshTemp();
    const r = check(temp, "examples/docker-task.json", { NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(r.status, r.stderr).toBe(0);
    expect(cacheFiles(temp)).toEqual([]);
  });
});
