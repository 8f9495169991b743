#!/usr/bin/env bash
# Builds the classroom window for the browser into a folder that any static
# web server can serve: sim.wasm (every scenario embedded), wasm_exec.js and
# index.html. Usage: scripts/build-web.sh [DIR]   (default: web)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-web}
mkdir -p "$dir"
GOOS=js GOARCH=wasm go build -o "$dir/sim.wasm" ./cmd/sim
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$dir/"
cp assets/web/index.html "$dir/"
echo "built $dir: serve it with any static server, e.g. python3 -m http.server -d $dir"
