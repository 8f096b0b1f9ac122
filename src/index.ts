// mesos-dockerinfo: the package root.
//
// - schema: generated message types and schemas (TaskInfoSchema, ContainerInfoSchema, ...)
// - validation: validate / assertValid / parseImageReference / Standard Schema
// - launch: resolveLaunch / dockerRunArgs / migrateLegacyContainer / describeLaunch
// - codec: strict decode / encode / Mesos-style JSON
// The fast-check arbitraries live in the "mesos-dockerinfo/testing" subpath.
export { clone, create, equals, isMessage } from "@bufbuild/protobuf";
export * from "./codec/index.js";
export * from "./launch/index.js";
export * from "./schema/index.js";
export * from "./validation/index.js";
