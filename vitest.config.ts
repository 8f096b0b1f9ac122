import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests and subprocess tests (buf, the packed tarball, the CLI) need more than 5 s on
    // a loaded 2-core machine; time is never asserted, this only avoids false failures.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
