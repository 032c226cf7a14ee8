#!/usr/bin/env bash
# Records the init template's example scenario again, live, the way a user would: npm pack, an
# empty project, odoo-harness init, `npm run record` against each Odoo given, then the recordings
# it wrote are copied into harness/package/template/scenarios/__recordings__/.
# Usage: ODOO_MASTER_PASSWORD=… harness/package/record-template.sh http://127.0.0.1:8069 http://127.0.0.1:8070
# (url target; each server's major decides the folder: 18/, 19/). Run it when the recording format
# or the reference connector changes: CI's prove-package.sh replays these recordings.
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 <odoo url>… (ODOO_MASTER_PASSWORD set)"; exit 2; }
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$repo/harness/package/packed-project.sh"

new_packed_project >/dev/null
rm -rf scenarios/__recordings__
for url in "$@"; do ODOO_TARGET=url ODOO_URL="$url" npm run record; done
cp -r scenarios/__recordings__/. "$repo/harness/package/template/scenarios/__recordings__/"
echo "recordings copied: $(cd scenarios/__recordings__ && find . -name '*.json' | sort | tr '\n' ' ')"
