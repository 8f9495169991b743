#!/usr/bin/env bash
# Builds the classroom window for the browser into a folder that any static
# web server can serve as it is: sim.wasm.gz (every scenario embedded,
# gzipped; the page unpacks it, so the server needs no wasm type and no
# compression), sim.wasm (for browsers without DecompressionStream),
# wasm_exec.js, scenarios.js (the scenarios' names, for the page's menu) and
# index.html. Usage: scripts/build-web.sh [DIR]   (default: web)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-web}
mkdir -p "$dir"
# -s -w drop the symbol and debug tables, -trimpath the build's paths.
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$dir/sim.wasm" ./cmd/sim
gzip -9 -n -c "$dir/sim.wasm" >"$dir/sim.wasm.gz.tmp" && mv "$dir/sim.wasm.gz.tmp" "$dir/sim.wasm.gz"
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$dir/"
{
	printf 'window.commonwealthScenarios = ['
	sep=''
	for f in scenarios/*.toml; do
		printf '%s"%s"' "$sep" "$(basename "$f" .toml)"
		sep=', '
	done
	printf '];\n'
} >"$dir/scenarios.js"
cp assets/web/index.html "$dir/"
echo "built $dir ($(stat -c %s "$dir/sim.wasm.gz") bytes to download): serve it with any static server, e.g. python3 -m http.server -d $dir"
