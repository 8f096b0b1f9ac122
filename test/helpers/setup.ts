// Vitest setup file (vitest.config.ts `setupFiles`). It runs before every test file, but the
// equality testers live on a global that outlives a file (with `isolate: false` a worker keeps it
// for all its files): register the byte fast path only where it is not there yet. Checked by name
// on vitest's own list, so a re-evaluated module (another function object) is still seen.
import { expect } from "vitest";
import { equalByteArrays } from "./byte-equality.js";

const matchers = (globalThis as Record<symbol, { customEqualityTesters?: unknown[] } | undefined>)[
  Symbol.for("$$jest-matchers-object")
];
const registered = matchers?.customEqualityTesters?.some(
  (tester) => typeof tester === "function" && tester.name === equalByteArrays.name,
);
if (registered !== true) expect.addEqualityTesters([equalByteArrays]);
