// mesos-dockerinfo/testing: fast-check arbitraries for the mesos schema.
//
// fast-check is an optional peer dependency: only this subpath imports it, never the root API.
// - arbitraryMessage: any message of any schema, driven by the descriptors;
// - domain arbitraries: messages that are VALID by our validation rules;
// - invalidTaskInfo: near misses, a valid task with exactly one defect and the issue it must raise.
export { absolutePath } from "./absolute-path.js";
export { type ArbitraryMessageOptions, arbitraryMessage } from "./arbitrary-message.js";
export { arbitraryUnknownFields } from "./arbitrary-unknown-fields.js";
export { type CommandInfoOptions, commandInfo } from "./command-info.js";
export { containerInfo, dockerInfo } from "./docker-info.js";
export { type ExecutorInfoOptions, executorInfo } from "./executor-info.js";
export { imageReference } from "./image-reference.js";
export {
  type ExpectedIssue,
  INVALID_TASK_INFO_EXCLUSIONS,
  type InvalidTaskInfoOptions,
  invalidTaskInfo,
  invalidTaskInfoCodes,
  type NearMiss,
} from "./invalid-task-info.js";
export { legacyContainer } from "./legacy-container.js";
export { mesosId } from "./mesos-id.js";
export { mutatedBytes } from "./mutated-bytes.js";
export { offer } from "./offer.js";
export { attribute, resource } from "./resource.js";
export { TASK_KINDS, type TaskInfoOptions, taskInfo } from "./task-info.js";
// Mesos 1.11 (mesos.v1) messages: v1TaskInfo, v1LaunchGroup, v1Offer, v1Volume, v1FromSeed, ...
export * from "./v1/index.js";
export { volume } from "./volume.js";
