// The generated codecs of the Mesos 1.11 files (gen/mesos/v1/**/*_codec.ts, from
// plugin/codec-generator.mjs): one list for src/codec's registry.
import { codecs as mesosV1 } from "../../../gen/mesos/v1/mesos_codec.js";
import { codecs as scheduler } from "../../../gen/mesos/v1/scheduler/scheduler_codec.js";
import type { CodecEntry } from "../../codec/index.js";

export const MESOS_V1_CODECS: readonly CodecEntry[] = [...mesosV1, ...scheduler];
