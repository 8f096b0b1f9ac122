// mesos-dockerinfo/v1: the Mesos 1.11 v1 API schema (packages mesos.v1 and mesos.v1.scheduler),
// the wire a real master and agent speak:
//   import { create, toBinary } from "@bufbuild/protobuf";
//   import { TaskInfoSchema, ContainerInfo_Type } from "mesos-dockerinfo/v1";
// The seed schema at the package root uses the same protoc-gen-es names (TaskInfoSchema,
// ContainerInfoSchema, ...) for different messages (docker at 100 there, at 3 here), so the v1
// names live on this subpath only and never at the root.
// gen/ is produced by `buf generate` from proto/mesos/v1/ and is never edited by hand. The
// scheduler module shares no exported name with the mesos.v1 module (its nested types are
// prefixed Call_ / Event_), so both are re-exported whole.
export * from "../../gen/mesos/v1/mesos_pb.js";
export * from "../../gen/mesos/v1/scheduler/scheduler_pb.js";
