#!/usr/bin/env node
// The `mesos-dockerinfo` bin: main() with this process's streams, its exit code as the process's.
// No top-level await: the shipped bin is this file bundled as CommonJS (scripts/bundle-cli.mjs),
// which starts faster than an ES module (Node's ESM loader alone costs about a third of a bare
// `node -e ''`), and CommonJS cannot await at the top.
import module from "node:module";
import { enableChunkCompileCache } from "./compile-cache.js";
import { EXIT_FAILURE, EXIT_OK } from "./exit-codes.js";
import { ClosedOutputError, fdStream } from "./fd-stream.js";
import { PROGRAM } from "./help.js";

// Start-up is mostly compiling the code `check` needs. Node >= 22.1 can keep the compiled code on
// disk (module.enableCompileCache, as TypeScript's own bin does since 5.7; opt out with
// NODE_DISABLE_COMPILE_CACHE=1); on older Node the call does not exist and nothing changes. It
// must run before that code loads, so main() is imported after it.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// Older Node (20): the same for the bundle's own chunks, through V8's code cache. The bundle's
// folder is this file's (dist/cli, with chunks/ under it); in tsc's module tree it matches only
// ES modules, which do not take the CommonJS path, so nothing changes there.
enableChunkCompileCache(import.meta.dirname);

const WINDOWS = process.platform === "win32";
if (WINDOWS) {
  // A closed pipe (`... | more`) is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? EXIT_OK);
  });
}

import("./run-main.js")
  .then(({ main }) =>
    main(process.argv.slice(2), {
      // process.stdin is a getter that opens the stream (a few ms): only `-` reads it, so it is
      // touched only when iterated.
      stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
      // Not process.stdout/stderr, which load Node's stream modules (./fd-stream.ts); except on
      // Windows, where a console needs Node's stream to write Unicode (WriteConsoleW).
      stdout: WINDOWS ? process.stdout : fdStream(1),
      stderr: WINDOWS ? process.stderr : fdStream(2),
    }),
  )
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A closed pipe (`... | head`) is not an error worth a stack trace.
      if (error instanceof ClosedOutputError) {
        process.exitCode ??= EXIT_OK;
        return;
      }
      // Only a bug in this package gets here: bad input is always a typed error or a report.
      process.stderr.write(
        `${PROGRAM}: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = EXIT_FAILURE;
    },
  );
