#!/usr/bin/env bash
# Schema gate, run by `npm test`: lint, format, wire/JSON breaking changes against the committed
# baseline image, and gen/ equal to a fresh `buf generate`. Update the baseline only on purpose:
#   npm run schema:baseline
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

buf lint
buf format -d --exit-code
buf breaking --against test/fixtures/schema-baseline.binpb

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r proto buf.yaml buf.gen.yaml "$tmp"/
# Our codec plugin runs from the checkout: a link keeps its imports resolving to node_modules here.
ln -s "$PWD/plugin" "$tmp/plugin"
(cd "$tmp" && buf generate)
if ! diff -r "$tmp/gen" gen; then
  echo "gen/ differs from a fresh 'buf generate': run 'npm run generate' and commit; never hand-edit gen/." >&2
  exit 1
fi
echo "schema checks passed: lint, format, breaking (WIRE_JSON), gen/ up to date"
