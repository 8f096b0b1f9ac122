// The command line as a function: main(argv, io) runs `mesos-dockerinfo` in-process. The bin
// (main.ts) calls it with the process's streams.
export type { CliIo, InputStream, OutputStream } from "./io.js";
export { main } from "./run-main.js";
