#!/usr/bin/env bash
# Runs the cluster job files of deploy/ on this machine, unchanged, under a
# fake array index, and checks that each cluster's merged outputs equal one
# machine's run of the whole batch byte for byte (but for the name of the
# command that wrote them, in manifest.json and report.html):
#
#   - deploy/slurm/shard.sbatch once per task, with SLURM_ARRAY_TASK_ID and
#     SLURM_ARRAY_TASK_COUNT set as Slurm sets them, then merge.sbatch;
#   - the shell script of deploy/kubernetes/shards.yaml once per pod, with
#     JOB_COMPLETION_INDEX set as Kubernetes sets it, then merge.yaml's;
#   - in a clean git checkout, two shards computed by two builds with other
#     flags (-trimpath, -ldflags), as nodes building their own would.
#
#   scripts/cluster-local.sh                 # wright, 6 seeds, 3 shards
#   SHARDS=4 COMMAND=sweep ARGS="--seeds 4 --months 24 --set people=200 --sweep capitalism.wage_max=60:120:30" scripts/cluster-local.sh
#
# The variables are the job files' own (COMMAND, SCENARIO, ARGS) and the
# number of shards; every shard is computed by the same headless, built here.
# Exits 1 and names the files that differ when any does.
set -euo pipefail
cd "$(dirname "$0")/.."
export COMMAND=${COMMAND:-run} SCENARIO=${SCENARIO:-wright}
export ARGS=${ARGS:-"--seeds 6 --months 24 --set people=300"}
shards=${SHARDS:-3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
go build -o "$tmp/bin/headless" ./cmd/headless
export PATH="$tmp/bin:$PATH" HEADLESS="$tmp/bin/headless"

# script prints the shell script a Kubernetes manifest runs (its args: - |).
script() {
  awk '/^ *- \|$/ { ind = index($0, "-"); on = 1; next }
       on { match($0, /^ */); if ($0 != "" && RLENGTH < ind) exit; print substr($0, ind + 2) }' "$1"
}

# norm prints a file as compared: manifest.json and report.html name the
# command that wrote them (merge, not run) and its command line as given,
# and the manifest holds the report's checksum; everything else is
# compared as it is.
norm() {
  case $1 in
    */manifest.json) awk '/^  "command": / || /^  "command_line": / { next }
      /^  "args": \[/ { skip = 1; next } skip { if ($0 ~ /^  \],?$/) skip = 0; next }
      /"name": "report.html"/ { print; getline; next } { print }' "$1" ;;
    */report.html) sed -e 's/ · headless [a-z]* · / · headless COMMAND · /' -e '/^<p class="meta">Command: <code>/d' "$1" ;;
    *) cat "$1" ;;
  esac
}

# same compares every file of the whole run's folder with the merged one.
status=0
same() {
  local what=$1 whole=$2 merged=$3 count=$4 n=0
  while IFS= read -r f; do
    n=$((n + 1))
    if ! cmp -s <(norm "$whole/$f") <(norm "$merged/$f"); then
      echo "$what: $f differs from one machine's run" >&2
      status=1
    fi
  done < <(cd "$whole" && find -L . -type f ! -path './.*' ! -path './runs/*' | sort)
  if [ "$(cd "$merged" && find -L . -type f ! -path './.*' ! -path './runs/*' | wc -l)" != "$n" ]; then
    echo "$what: the merged folder has other files than one machine's run" >&2
    status=1
  fi
  echo "$what: $count shards merged; $n files compared with one machine's run"
}

# shellcheck disable=SC2086 # ARGS holds several flags
headless "$COMMAND" "$SCENARIO" $ARGS -o "$tmp/whole" >/dev/null

for i in $(seq 1 "$shards"); do
  OUT="$tmp/slurm" SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_COUNT=$shards SLURM_CPUS_PER_TASK=1 \
    bash deploy/slurm/shard.sbatch >/dev/null 2>&1 || { echo "slurm: task $i failed" >&2; exit 1; }
done
OUT="$tmp/slurm" bash deploy/slurm/merge.sbatch >/dev/null
same slurm "$tmp/whole" "$tmp/slurm/merged" "$shards"

for k in $(seq 0 $((shards - 1))); do
  OUT="$tmp/k8s" SHARDS=$shards JOB_COMPLETION_INDEX=$k \
    sh -c "$(script deploy/kubernetes/shards.yaml)" >/dev/null 2>&1 || { echo "kubernetes: pod $k failed" >&2; exit 1; }
done
OUT="$tmp/k8s" sh -c "$(script deploy/kubernetes/merge.yaml)" >/dev/null
same kubernetes "$tmp/whole" "$tmp/k8s/merged" "$shards"

# Nodes that build their own: from a clean checkout, two builds with other
# flags (other executables) must compute shards that merge.
if [ -n "$(git status --porcelain 2>/dev/null || echo unknown)" ]; then
  echo "builds: not checked (not a clean git checkout: a build of it is identified by its executable)"
  exit $status
fi
go build -buildvcs=true -o "$tmp/a" ./cmd/headless
go build -buildvcs=true -trimpath -ldflags="-s -w" -o "$tmp/b" ./cmd/headless
if cmp -s "$tmp/a" "$tmp/b"; then
  echo "builds: the two builds came out identical; nothing to check" >&2
  exit 1
fi
builds=(a b)
for i in 1 2; do
  # shellcheck disable=SC2086 # ARGS holds several flags
  "$tmp/${builds[i - 1]}" "$COMMAND" "$SCENARIO" $ARGS --shard "$i/2" -o "$tmp/builds/$i" >/dev/null
done
# shellcheck disable=SC2086 # ARGS holds several flags
"$tmp/a" "$COMMAND" "$SCENARIO" $ARGS -o "$tmp/builds/whole" >/dev/null # the merge's build names itself in the outputs
if "$tmp/a" merge "$tmp/builds/1" "$tmp/builds/2" -o "$tmp/builds/merged" >/dev/null; then
  same builds "$tmp/builds/whole" "$tmp/builds/merged" 2
else
  echo "builds: shards of two builds of the same clean checkout (other -ldflags, -trimpath) did not merge" >&2
  status=1
fi
exit $status
