// A V8 code cache for the bin's own CommonJS chunks, for Node versions without
// module.enableCompileCache (before 22.1, e.g. Node 20). Most of a `check`'s start-up above a bare
// `node -e ''` is V8 compiling code: the chunks' top level and then every function the first
// time it runs (protobuf-es building the descriptors, the codec, the rules). V8 can serialize
// what it compiled (vm.Script#createCachedData, taken at exit so it holds the functions compiled
// while running) and start from it next time (the `cachedData` option), which is what Node 22's
// compile cache does for every module. Measured on a seed check (Node 20, callgrind): the
// instructions above a bare start drop by about a third from the second run on.
//
// Only files under `root` (the bundle's folder) take this path; every other module loads as
// Node loads it. The cache lives in the system's temporary folder, one file per chunk, named by
// the Node version and the chunk's name, size and modification time, so a rebuilt or reinstalled
// bin and another Node never read a stale cache (V8 also refuses a cache of another V8 or other
// flags: then the chunk compiles as usual and the cache is written again). Any failure (no
// temporary folder, read-only disk, a corrupt file) only means compiling as usual.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it turns off Node's own compile cache.
//
// A code cache is code: V8 checks that it fits this V8 and this source's length, not who wrote it.
// So the cache folder is named for the user and used only when that user owns it and nobody else
// can write to it (the temporary folder is shared); otherwise the chunks compile as usual.
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, sep } from "node:path";
import { Script } from "node:vm";

interface CompilingModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}

/** Node's CommonJS wrapper: the parameters every module's code sees. */
const WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) { ";
const WRAPPER_TAIL = "\n});";

/** Where the cache of `filename` is kept: undefined when the file cannot be read. */
function cachePath(folder: string, filename: string): string | undefined {
  try {
    const info = statSync(filename);
    const name = `${basename(filename)}-${info.size}-${Math.trunc(info.mtimeMs)}.v8`;
    return join(folder, name);
  } catch {
    return undefined;
  }
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Whether `base` is a folder of this user that only this user can write to. Where there are no
 * user ids (Windows, whose temporary folder is the user's own) any folder is.
 */
function ownFolder(base: string): boolean {
  try {
    const info = lstatSync(base);
    if (!info.isDirectory()) return false;
    if (typeof process.getuid !== "function") return true;
    return info.uid === process.getuid() && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Writes through a temporary name and a rename, so a concurrent run never reads half a file. */
function writeCache(base: string, folder: string, path: string, data: Buffer): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!ownFolder(base)) return;
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, path);
    pruneStale(path);
  } catch {
    // Nothing to do: the next run compiles as this one did.
  }
}

/**
 * How many caches of one chunk are kept: each build or install of the bin writes a new one (the
 * name holds the chunk's size and time), so without a bound the folder grows with every upgrade.
 * More than one, so that a few installs used side by side do not keep evicting each other.
 */
const KEEP_PER_CHUNK = 4;

/** Removes the oldest caches of `path`'s chunk beyond KEEP_PER_CHUNK (writes only, so rarely). */
function pruneStale(path: string): void {
  const folder = dirname(path);
  const chunk = basename(path).replace(/-\d+-\d+\.v8$/, "-");
  const others = readdirSync(folder)
    .filter((name) => name.startsWith(chunk) && name.endsWith(".v8"))
    .map((name) => join(folder, name))
    .filter((other) => other !== path)
    .map((other) => ({ other, time: statSync(other).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { other } of others.slice(KEEP_PER_CHUNK - 1)) rmSync(other, { force: true });
}

/**
 * Compiles the CommonJS modules under `root` through a V8 code cache (see the file comment).
 * A no-op when Node has its own compile cache or when NODE_DISABLE_COMPILE_CACHE is set.
 */
export function enableChunkCompileCache(root: string): void {
  if ("enableCompileCache" in Module) return;
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  const base = join(tmpdir(), `mesos-dockerinfo-compile-cache-${uid}`);
  const folder = join(base, process.version);
  // Read only from a folder this user owns alone; a missing one is created at the first write.
  const readable = ownFolder(base);
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  const toWrite: Array<{ script: Script; path: string }> = [];
  const proto = (Module as unknown as { prototype: CompilingModule }).prototype;
  const compile = proto._compile;
  proto._compile = function (this: CompilingModule, content: string, filename: string) {
    const path = filename.startsWith(prefix) ? cachePath(folder, filename) : undefined;
    if (path === undefined) return compile.call(this, content, filename);
    const cachedData = readable ? readCache(path) : undefined;
    // The bin's first line is a shebang, which is not JavaScript inside the wrapper.
    const code = content.startsWith("#!") ? `//${content}` : content;
    const script = new Script(`${WRAPPER_HEAD}${code}${WRAPPER_TAIL}`, { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true) {
      toWrite.push({ script, path });
    }
    const run = script.runInThisContext() as (...args: unknown[]) => unknown;
    const require = (id: string) => this.require(id);
    return run.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  // At exit the scripts hold every function this run compiled, not only their top level.
  process.once("exit", () => {
    for (const { script, path } of toWrite)
      writeCache(base, folder, path, script.createCachedData());
  });
}
