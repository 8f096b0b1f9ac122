// The generated schema, re-exported so users import types and schemas from the package root:
//   import { create, TaskInfoSchema } from "mesos-dockerinfo";
// gen/ is produced by `buf generate` from proto/mesos/mesos.proto and is never edited by hand.
export * from "../../gen/mesos/mesos_pb.js";
export { localPath, valueAtPath } from "./path.js";
export { fieldValue, isSet, present, unknownEnumNumber } from "./presence.js";
