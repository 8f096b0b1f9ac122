// "@bufbuild/protobuf/codegenv2" as the CLI bundle gives it to the generated files: protobuf-es's
// own, but with a `fileDesc` that does not load descriptor.proto (./embedded-file.ts says why).
// scripts/bundle-cli.mjs points the imports of gen/**/*_pb.js here; nothing else imports it.
export * from "@bufbuild/protobuf/codegenv2";
export { fileDesc } from "./embedded-file.js";
