# Sourced by prove-package.sh and record-template.sh: the package as a user gets it. Packs the
# repository, installs the tarball into an empty project under $work, runs `odoo-harness init`
# there and leaves the shell in that project. Needs $repo and $work.
new_packed_project() {
  local tarball
  tarball="$(cd "$repo" && npm pack --silent --pack-destination "$work" | tail -n 1)"
  mkdir "$work/project"
  cd "$work/project"
  npm init -y >/dev/null
  npm install --no-audit --no-fund "$work/$tarball" >/dev/null
  npx odoo-harness init "$@"
}
