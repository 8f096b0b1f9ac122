// Runs one parseImageReference call on one hostile input and posts how long it took. It runs in a
// worker so the main process can stop it (worker.terminate) if the parser never returns: a
// backtracking bomb must show up as a finding in the report, not as a hung bench.
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { parseImageReference } from "../src/index.js";
import { type HostilePattern, hostileInput, UNCAPPED } from "./image-inputs.js";

const { pattern, size } = workerData as { pattern: HostilePattern; size: number };
const input = hostileInput(pattern, size);
const start = performance.now();
parseImageReference(input, UNCAPPED);
parentPort?.postMessage({ ms: performance.now() - start });
