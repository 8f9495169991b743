#!/usr/bin/env bash
# perf-gate.sh [BASE]: fail when this checkout is more than 25% slower per
# person-step than BASE (default: HEAD's first parent, the previous main) on
# the main models. Both binaries are built here and run in alternated pairs
# (old, new, old, new, …) on the same machine, so its load and its neighbours
# fall on both alike; the verdict is the median of the pairs' ratios of CPU
# time per step (headless bench's cpu_steps_per_s, the process's CPU time).
#
# Needs the repository's history (a full clone): BASE must be a commit.
set -euo pipefail
cd "$(dirname "$0")/.."

base=${1:-HEAD~1}
pairs=${PAIRS:-7}
limit=${LIMIT:-1.25}
if ! rev=$(git rev-parse --verify --quiet "$base^{commit}"); then
  echo "perf-gate: no commit $base to compare with (a shallow clone? fetch the history, or name a commit)" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach --quiet "$tmp/base" "$rev"
echo "== building $(git rev-parse --short "$rev") (base) and this checkout"
(cd "$tmp/base" && go build -o "$tmp/old" ./cmd/headless)
go build -o "$tmp/new" ./cmd/headless

# The models: the exchange rule at a million people, Wright's model, and
# the production economy's default private arm.
benches=(
  "boltzmann --set people=1000000 --months 20"
  "wright --set people=10000 --months 3000"
  "ai-is-capital --arm private --set people=2000 --months 240"
)

# rate BIN ARGS: the steps per CPU-second headless bench reports (its
# notes and errors kept, and shown when it prints no rate).
rate() {
  local bin=$1 r
  shift
  # shellcheck disable=SC2086 # the arguments are words
  r=$(GODEBUG=asyncpreemptoff=1 "$bin" bench $* 2>"$tmp/stderr" | tail -1 | sed -n 's/.*cpu_steps_per_s=\([0-9.]*\).*/\1/p')
  if [ -z "$r" ]; then
    echo "perf-gate: $bin bench $* gave no rate:" >&2
    cat "$tmp/stderr" >&2
    exit 2
  fi
  echo "$r"
}

failed=0
for b in "${benches[@]}"; do
  ratios=()
  for _ in $(seq "$pairs"); do
    old=$(rate "$tmp/old" "$b")
    new=$(rate "$tmp/new" "$b")
    ratios+=("$(awk -v o="$old" -v n="$new" 'BEGIN { printf "%.4f", o / n }')")
  done
  median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  verdict=ok
  if awk -v m="$median" -v l="$limit" 'BEGIN { exit !(m > l) }'; then
    verdict="SLOWER than $limit×"
    failed=1
  fi
  printf '%-60s CPU time a step, new/old: median %s of %s  %s\n' "$b" "$median" "${ratios[*]}" "$verdict"
done
exit $failed
