#!/usr/bin/env node
// protoc-gen-mesos-codec: the protoc plugin `buf generate` runs (buf.gen.yaml) to write
// gen/**/*_codec.ts. The generator itself is codec-generator.mjs.
import { runNodeJs } from "@bufbuild/protoplugin";
import { plugin } from "./codec-generator.mjs";

runNodeJs(plugin);
