#!/usr/bin/env node
// Build step after tsc: the shipped `mesos-dockerinfo` bin, bundled. Start-up is the CLI's budget
// (issue 16: `check` of one file within 2x a bare `node -e ''`); unbundled, Node resolves, reads
// and compiles ~170 modules for one seed check, several times a bare start by itself. So the bin
// is dist/src/cli/main.js (tsc's output) bundled by rolldown, minified, as CommonJS (no ES module
// loader to start), into dist/cli/mesos-dockerinfo.cjs plus chunks that load only when a command
// needs them (each dynamic import() becomes a require() of its chunk):
//   chunks/problems.cjs         the code catalogue (`rules`, and every report)
//   chunks/library.cjs          the seed schema, the verbs (JSON reading, validation, launch),
//                               protobuf-es
//   chunks/library-binary.cjs   the binary codec (the seed's generated readers and writers, the
//                               reflective reader): only for a binary input (and `convert`)
//   chunks/library-write.cjs    encode and Mesos JSON writing: only for `convert`
//   chunks/library-v1.cjs       the Mesos 1.11 schema and its support: only for a Mesos 1.11 input
//   chunks/library-convert.cjs  the conversion between the schemas: only for `convert`
//   the rest                    the command line itself, split by rolldown where commands load it
// Fixed names (no hashes) so tests and the bench can tell which loaded (test/cli/lazy-loading).
// The library entry points (dist/src/index.js, ...) stay unbundled ES modules: users' bundlers
// shake them. BUNDLE_MINIFY=0 keeps the output readable (for --cpu-prof).
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

// The generated files' "@bufbuild/protobuf/codegenv2", but with a fileDesc that does not build
// descriptor.proto's own descriptors first (src/schema/embedded-file.ts): that boot alone costs
// about 0.6x a bare `node -e ''` of the 2x budget.
// The descriptors also travel as JSON text rather than base64 protobuf: JSON.parse is native,
// where reading the bytes runs cold JavaScript (for the Mesos 1.11 file, more than building its
// descriptors). Both forms give the same descriptors (test/schema/embedded-file.test.ts).
const CODEGEN = join(ROOT, "dist", "src", "schema", "codegenv2.js");
const { embeddedJson } = await import(join(ROOT, "dist", "src", "schema", "embedded-file.js"));
const GENERATED = /[\\/]gen[\\/]/;
const embeddedDescriptors = {
  name: "embedded-descriptors",
  resolveId(source, importer) {
    if (source === "@bufbuild/protobuf/codegenv2" && GENERATED.test(importer ?? "")) {
      return CODEGEN;
    }
    return null;
  },
  transform(code, id) {
    if (!GENERATED.test(id) || !id.endsWith("_pb.js")) return null;
    return code.replace(
      /\bfileDesc\("([A-Za-z0-9+/=]+)"/g,
      (_, b64) => `fileDesc(${JSON.stringify(embeddedJson(b64))}`,
    );
  },
};

await build({
  input: { [BIN]: join(ROOT, "dist", "src", "cli", "main.js") },
  plugins: [embeddedDescriptors],
  platform: "node",
  logLevel: "warn",
  // The bin exports nothing; letting the chunks' export lists change is what lets the groups
  // below take modules out of the dynamic-import chunks.
  preserveEntrySignatures: false,
  output: {
    dir: OUT,
    // CommonJS: Node's ES module loader costs ~9 ms of CPU to start (a third of a bare `node -e
    // ''`), and more per chunk. `.cjs`, since the package is "type": "module".
    format: "cjs",
    minify: process.env.BUNDLE_MINIFY !== "0",
    entryFileNames: "[name].cjs",
    chunkFileNames: "chunks/[name].cjs",
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
          // Not the generated key lists (*_keys.js): schema detection reads them for every input.
          test: /[\\/]gen[\\/]mesos[\\/]v1[\\/](?!.*_keys\.js$)|[\\/]src[\\/](?:v1|mesos-v1)[\\/]/,
          priority: 50,
        },
        { name: "library-convert", test: folder("convert"), priority: 40 },
        { name: "problems", test: folder("problems"), priority: 30 },
        // What a `check` of JSON does not run, so that it does not parse it either (V8 parses a
        // whole chunk when it is required): src/cli imports these only on demand
        // (decode-binary.ts; convert.ts, which only `convert` loads).
        {
          name: "library-binary",
          test: /[\\/]gen[\\/]mesos[\\/]mesos_codec\.js$|[\\/]src[\\/]codec[\\/](?:decode|read-binary|generated[\\/]index|generated[\\/]runtime[\\/](?:reader|codec|int64))\.js$/,
          priority: 25,
        },
        {
          name: "library-write",
          test: /[\\/]src[\\/]codec[\\/](?:encode|encode-check|to-mesos-json|field-access|message-depth)\.js$|[\\/]@bufbuild[\\/]protobuf[\\/].*[\\/]to-binary\.js$/,
          priority: 20,
        },
        {
          name: "library",
          test: /[\\/](?:node_modules|gen)[\\/]|[\\/]src[\\/](?:codec|launch|recordio|rules|schema|standard-schema|validation)[\\/]/,
          priority: 10,
        },
      ],
    },
  },
});

chmodSync(join(OUT, `${BIN}.cjs`), 0o755);
