// The property suite at depth: `npm run fuzz` (scripts/fuzz.mjs) runs test/testing with FUZZ_RUNS
// set, so every property runs as many times as asked. Deep runs take minutes to hours: no test
// timeout (time is never asserted; this only keeps long runs from being cut off).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/testing/**/*.test.ts"],
    // The Mesos 1.11 support, as the package root loads it (see the file).
    setupFiles: ["test/helpers/mesos-v1-support.ts"],
    testTimeout: 0,
    hookTimeout: 120_000,
  },
});
