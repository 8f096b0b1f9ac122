// The generated codecs of the Mesos 1.11 files (gen/mesos/v1/**/*_codec.ts, from
// plugin/codec-generator.mjs), registered into decode/encode when this folder is imported. Apart
// from the rest of the v1 support (../index.ts) because they are 13k lines that only make binary
// reading and writing faster: without them a mesos.v1 message takes the reflective codec, with the
// same results (test/codec-generated: generated == reflective on random, near-miss and mutated
// inputs). The package root imports this folder, so library users get the generated speed; the
// CLI, which reads one message per file, does not, and so never parses them.
import { codecs as mesosV1 } from "../../../gen/mesos/v1/mesos_codec.js";
import { codecs as scheduler } from "../../../gen/mesos/v1/scheduler/scheduler_codec.js";
import { registerGeneratedCodecs } from "../../codec/index.js";

registerGeneratedCodecs(mesosV1);
registerGeneratedCodecs(scheduler);
