// Vitest setup file (vitest.config.ts `setupFiles`). With `isolate: false` it runs once per test
// file in a shared worker, and the equality testers live on a global: register once per worker.
import { expect } from "vitest";
import { equalByteArrays } from "./byte-equality.js";

const registered = Symbol.for("mesos-dockerinfo.test.equalByteArrays");
const state = globalThis as { [registered]?: true };
if (state[registered] !== true) {
  expect.addEqualityTesters([equalByteArrays]);
  state[registered] = true;
}
