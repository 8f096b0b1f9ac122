// Arbitraries for Mesos 1.11 (mesos.v1) messages, valid by construction against the master's
// 1.11 rules (src/master/validation.cpp, src/common/validation.cpp), and the hook for v1 near
// misses. Re-exported by src/testing/index.ts.
export {
  type V1ContainerInfoOptions,
  v1ContainerInfo,
  v1DockerInfo,
} from "./container-info.js";
export { V1_DEFECT_EXCLUSIONS, V1_DEFECTS } from "./defects.js";
export { v1FromSeed } from "./from-seed.js";
export { invalidV1TaskInfo, type V1Defect, type V1NearMiss } from "./near-miss.js";
export { v1Offer } from "./offer.js";
export { v1LaunchGroup } from "./task-group.js";
export {
  V1_TASK_KINDS,
  type V1TaskInfoOptions,
  type V1TaskKind,
  v1CommandInfo,
  v1Resource,
  v1TaskInfo,
} from "./task-info.js";
export { type V1VolumeKind, type V1VolumeOptions, v1Volume, v1Volumes } from "./volume.js";
