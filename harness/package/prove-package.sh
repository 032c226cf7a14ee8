#!/usr/bin/env bash
# The package as a user gets it: npm pack, installed into an empty folder, `odoo-harness init`,
# then that project's `npm test` (the example scenario replayed from its shipped recordings) and
# a type check of its files against the package's declarations. No Odoo, no Docker.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$repo/harness/package/packed-project.sh"

new_packed_project
# A second init must refuse, and write nothing.
if npx odoo-harness init >"$work/second-init.txt"; then echo "✖ a second init did not refuse"; exit 1; fi
grep -q 'writes nothing' "$work/second-init.txt"
npm test
node "$repo/node_modules/typescript/bin/tsc" -p tsconfig.json
echo "package: npm pack → install → init → npm test and tsc passed"
