#!/usr/bin/env node
// Build step after tsc: a CommonJS-flavoured copy of the declarations, for TypeScript consumers
// whose files compile to `require` under `module: node16`. Node 20.19+ / 22.12+ can `require()`
// this ES module, but TypeScript's node16 mode still refuses (TS1479) to let a CommonJS file
// import declarations it reads as ESM. The same .d.ts text under a package.json saying
// "type": "commonjs" is read as CommonJS, and it describes exactly what `require()` returns (the
// module namespace: named exports, no default). The package's "require" export condition points
// here; `import` keeps the ESM declarations.
//
// Usage: node scripts/cjs-types.mjs   (from the repository root, after tsc wrote dist/)
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const OUT = join(DIST, "cjs-types");

function* declarations(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* declarations(path);
    else if (entry.name.endsWith(".d.ts")) yield path;
  }
}

rmSync(OUT, { recursive: true, force: true });
let count = 0;
// src and gen side by side, as in dist/, so relative imports between them still resolve.
for (const tree of ["src", "gen"]) {
  for (const file of declarations(join(DIST, tree))) {
    const target = join(OUT, relative(DIST, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
    count++;
  }
}
writeFileSync(join(OUT, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
console.log(`cjs-types: ${count} declaration files in ${relative(ROOT, OUT)}`);
