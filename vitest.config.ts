import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The Mesos 1.11 support, as the package root loads it (see the file), and a fast, exact path
    // for toEqual on byte arrays (see test/helpers/byte-equality.ts).
    setupFiles: ["test/helpers/mesos-v1-support.ts", "test/helpers/setup.ts"],
    // Property tests and subprocess tests (buf, the packed tarball, the CLI) need more than 5 s on
    // a loaded 2-core machine; time is never asserted, this only avoids false failures.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Test files share one module graph per worker instead of re-importing protobuf-es, fast-check
    // and the schema for each of ~40 files: that import cost was a third of the suite's time on
    // 2 cores. No test relies on fresh module state (the caches are pure memoisation).
    isolate: false,
    // Vitest's default is one worker fewer than there are cores: on the 2-core machines we run on,
    // a single worker, so the suite ran file after file on one core. Two workers use both; the
    // longest files (the packed tarball, the schema gate) mostly wait on child processes anyway.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
