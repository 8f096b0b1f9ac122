#!/usr/bin/env node
// Build step after tsc: the shipped `mesos-dockerinfo` bin, bundled. Start-up is the CLI's budget
// (issue 16: `check` of one file within 2x a bare `node -e ''`); unbundled, Node resolves, reads
// and compiles ~170 modules for one seed check, which alone is several times a bare start. So the
// bin is dist/src/cli/main.js (tsc's output) bundled by rolldown, minified, into
// dist/cli/mesos-dockerinfo.js plus a few chunks that load only when a command needs them:
//   the rest            the command line itself, split by rolldown where the commands load it
//   chunks/problems.js  the code catalogue (`rules`, and every report)
//   chunks/library.js   the seed schema and the verbs (codec, validation, launch), protobuf-es
//   chunks/library-v1.js  the Mesos 1.11 schema and its support: only for a Mesos 1.11 input
//   chunks/library-convert.js  the conversion between the schemas: only for `convert`
// Fixed names (no hashes) so tests and the bench can tell which loaded (test/cli/lazy-loading).
// The library entry points (dist/src/index.js, ...) stay unbundled: users' bundlers shake them.
//
// Usage: node scripts/bundle-cli.mjs   (from the repository root, after tsc wrote dist/src)
import { chmodSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "dist", "cli");
const BIN = "mesos-dockerinfo";

// Module ids are absolute paths; "/" or "\" before and after each folder name.
const folder = (...names) => new RegExp(`[\\\\/](?:${names.join("|")})[\\\\/]`);

await build({
  input: { [BIN]: join(ROOT, "dist", "src", "cli", "main.js") },
  platform: "node",
  logLevel: "warn",
  // The bin exports nothing; letting the chunks' export lists change is what lets the groups
  // below take modules out of the dynamic-import chunks.
  preserveEntrySignatures: false,
  output: {
    dir: OUT,
    format: "esm",
    minify: process.env.BUNDLE_MINIFY !== "0",
    entryFileNames: "[name].js",
    chunkFileNames: "chunks/[name].js",
    // protobuf-es is bundled in: its licence notice travels with it (Apache-2.0, as ours).
    postBanner: (chunk) =>
      chunk.isEntry
        ? ""
        : "// mesos-dockerinfo CLI chunk. Includes @bufbuild/protobuf (https://github.com/bufbuild/protobuf-es), Copyright Buf Technologies, Inc., Apache License 2.0.",
    codeSplitting: {
      // A group takes the modules its test names, not everything they import.
      includeDependenciesRecursively: false,
      groups: [
        // Higher priority first: a module goes to the first group whose test it matches.
        {
          name: "library-v1",
          test: /[\\/]gen[\\/]mesos[\\/]v1[\\/]|[\\/]src[\\/](?:v1|mesos-v1)[\\/]/,
          priority: 50,
        },
        { name: "library-convert", test: folder("convert"), priority: 40 },
        { name: "problems", test: folder("problems"), priority: 30 },
        {
          name: "library",
          test: /[\\/](?:node_modules|gen)[\\/]|[\\/]src[\\/](?:codec|launch|recordio|rules|schema|standard-schema|validation)[\\/]/,
          priority: 10,
        },
      ],
    },
  },
});

chmodSync(join(OUT, `${BIN}.js`), 0o755);
