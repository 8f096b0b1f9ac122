#!/usr/bin/env node
// prepack / postpack pair: the packed package.json carries no lifecycle script that would run on
// a consumer's install, while a checkout keeps `prepare` (so `npm ci` builds dist/). npm reads
// the package.json to pack from disk after `prepack` has run, and does not run `prepare` when
// the file it reads has none; `postpack` then puts the original back byte for byte.
//
// Consumers installing from a tarball or git see `prepare` as an install script to approve
// (npm's allowScripts review); registry installs never run it. Either way it is only our build.
//
// Usage: node scripts/pack-manifest.mjs strip | restore
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const MANIFEST = join(ROOT, "package.json");
// In dist/ (git-ignored, never packed: "files" lists dist/src, dist/gen, dist/cjs-types only).
const BACKUP = join(ROOT, "dist", ".package.json.before-pack");
// The scripts npm would run on install of a packed or git dependency.
const INSTALL_SCRIPTS = [
  "preinstall",
  "install",
  "postinstall",
  "preprepare",
  "prepare",
  "postprepare",
];

// Write beside, then rename: a reader (a test reading the version) never sees half a file.
function replace(path, text) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function strip() {
  // A backup left by an interrupted pack is the true original: keep it, strip again.
  const original = existsSync(BACKUP)
    ? readFileSync(BACKUP, "utf8")
    : readFileSync(MANIFEST, "utf8");
  const manifest = JSON.parse(original);
  for (const name of INSTALL_SCRIPTS) delete manifest.scripts?.[name];
  mkdirSync(dirname(BACKUP), { recursive: true });
  writeFileSync(BACKUP, original);
  replace(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
}

function restore() {
  if (existsSync(BACKUP)) renameSync(BACKUP, MANIFEST);
}

const verb = process.argv[2];
if (verb === "strip") strip();
else if (verb === "restore") restore();
else {
  console.error("usage: node scripts/pack-manifest.mjs strip | restore");
  process.exit(2);
}
