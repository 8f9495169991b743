#!/usr/bin/env bash
# Measures the mesa rule against the C reference loop (../shared/peers/boltzmann.c,
# --literal: Mesa's control flow), in processor time of the whole process,
# the same agent-steps, in pairs run one after the other.
#
#   scripts/against-c.sh PEOPLE MONTHS [PAIRS] [C_SOURCE]
#
# Prints each pair's agent-steps per CPU-second and their ratio (Go / C),
# then the median ratio.
set -euo pipefail
people=${1:?people}; months=${2:?months}; pairs=${3:-5}
src=${4:-"$(dirname "$0")/../../shared/peers/boltzmann.c"}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gcc -O2 -march=native -o "$tmp/boltzmann" "$src" -lm
go build -o "$tmp/headless" ./cmd/headless
steps=$(( people * months ))
cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'; }
ratios=()
for p in $(seq 1 "$pairs"); do
  c=$(cpu "$tmp/boltzmann" --literal --agents "$people" --steps "$months" --seed "$p")
  g=$(cpu "$tmp/headless" bench boltzmann --set people="$people" --months "$months" --set seed="$p")
  r=$(awk -v c="$c" -v g="$g" 'BEGIN { printf "%.3f", c / g }')
  printf "pair %d: C %.1f M steps/CPU-s, Go %.1f M steps/CPU-s, Go/C %s\n" "$p" \
    "$(awk -v s=$steps -v t=$c 'BEGIN{print s/t/1e6}')" "$(awk -v s=$steps -v t=$g 'BEGIN{print s/t/1e6}')" "$r"
  ratios+=("$r")
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "median Go/C: %.3f over %d pairs\n", m, NR}'
