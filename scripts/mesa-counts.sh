#!/usr/bin/env bash
# Counts what a step of the mesa rule costs in instructions, data references,
# simulated cache misses and simulated branch mispredictions: the C reference
# loop (../shared/peers/boltzmann.c, --literal: Mesa's control flow) against
# `headless bench boltzmann`, with valgrind's cachegrind. Each program runs
# MONTHS and 2 x MONTHS months and the two runs are differenced, so start-up
# and set-up drop out and the figures are per agent-step of the months in
# between. Then the same differences by function and by source line (Go's
# by function and line, the C loop's by line), read from cachegrind's files.
#
#   scripts/mesa-counts.sh PEOPLE MONTHS [LL] [C_SOURCE]
#
# LL is the simulated last-level cache, cachegrind's --LL=size,assoc,line:
# default 2097152,16,64, a core's L2 on this machine (its shared L3 is the
# host's, and beyond the L2 a random line costs nearly a trip to memory:
# docs/performance.md, "Memory's limit"); "host" lets cachegrind take the
# host's L3. Cachegrind counts prefetch instructions but simulates no
# prefetching, hardware or software: its misses are every line a step
# reads that was not in the simulated cache. Needs valgrind (not run in CI:
# exits 2 without it). Valgrind cannot decode AVX-512, so the C loop is built
# with -march=native -mno-avx512f (its step loop runs at the same speed).
# Valgrind runs a program about 50 times slower: 10000 1000 and 1000000 20
# take under a minute each (docs/performance.md, "Instructions and misses a
# step", has their figures).
set -euo pipefail
if ! command -v valgrind >/dev/null; then
  echo "mesa-counts: needs valgrind (its cachegrind tool): apt-get install valgrind" >&2
  exit 2
fi
people=${1:?people}; months=${2:?months}; ll=${3:-2097152,16,64}
src=${4:-"$(dirname "$0")/../../shared/peers/boltzmann.c"}
src=$(realpath "$src")
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gcc -O2 -march=native -mno-avx512f -g -o "$tmp/cloop" "$src" -lm
go build -o "$tmp/headless" ./cmd/headless
llflag=(); [ "$ll" = host ] || llflag=(--LL="$ll")
steps=$(( people * months )) # the steps the longer run adds
count() { # count NAME MONTHS COMMAND...: cachegrind's counts into $tmp/NAME.MONTHS
  local name=$1 m=$2; shift 2
  (cd "$tmp" && valgrind --tool=cachegrind --cache-sim=yes --branch-sim=yes "${llflag[@]}" \
    --cachegrind-out-file="$tmp/$name.$m" "$@" >/dev/null 2>"$tmp/$name.$m.log") ||
    { cat "$tmp/$name.$m.log" >&2; exit 1; }
}
for m in "$months" $(( 2 * months )); do
  count c "$m" ./cloop --literal --agents "$people" --steps "$m" --seed 1
  count go "$m" ./headless bench boltzmann --set people="$people" --months "$m" --set seed=1
done
# delta MODE: the longer run's counts less the shorter's, per step, by
# "file:function" (MODE fn) or "file:line" (MODE line), from cachegrind's
# files; the columns are Ir Dr Dw D1mr D1mw LLmr LLmw Bc Bcm, then the key.
delta() {
  awk -v mode="$1" -v s="$steps" -v short="$2" '
    FNR == 1 { sign = (FILENAME == short) ? -1 : 1 }
    /^events:/ { for (i = 2; i <= NF; i++) ev[$i] = i - 1; next }
    /^fl=/ { fl = substr($0, 4); next }
    /^fn=/ { fn = substr($0, 4); next }
    /^[0-9]/ {
      k = (mode == "fn") ? fl ":" fn : fl ":" $1; keys[k]
      for (i = 2; i <= NF; i++) c[k, i - 1] += sign * $i
    }
    END {
      n = split("Ir Dr Dw D1mr D1mw DLmr DLmw Bc Bcm", name)
      for (k in keys) {
        line = ""; for (j = 1; j <= n; j++) line = line sprintf("%8.2f", c[k, ev[name[j]]] / s)
        print line "  " k
      }
    }' "$2" "$3"
}
header() { printf '%8s%8s%8s%8s%8s%8s%8s%8s%8s  %s\n' Ir Dr Dw D1mr D1mw LLmr LLmw Bc Bcm "$1"; }
echo "people=$people months=$(( months + 1 ))..$(( 2 * months )) steps=$steps (per step below)"
sed -n 's/^desc: //p' "$tmp/go.$months"
printf '%-4s%8s%8s%8s%8s%8s%8s%8s%8s%8s%8s%8s\n' "" Ir Dr Dw D1mr D1mw LLmr LLmw Bc Bcm D1miss LLmiss
for p in c go; do
  delta fn "$tmp/$p.$months" "$tmp/$p.$(( 2 * months ))" |
    awk -v p="$p" '{ for (i = 1; i <= 9; i++) t[i] += $i }
      END { printf "%-4s", p; for (i = 1; i <= 9; i++) printf "%8.2f", t[i]; printf "%8.2f%8.2f\n", t[4] + t[5], t[6] + t[7] }'
done
# significant: rows of 0.05 instructions or 0.005 misses or mispredictions a step or more, by instructions.
significant() { awk '$1 >= 0.05 || $4 + $5 >= 0.005 || $4 + $5 <= -0.005 || $9 >= 0.005' | sort -k1,1gr; }
# withsource: each row's source line after it, for keys file:line.
withsource() {
  while read -r ir dr dw d1r d1w llr llw bc bcm key; do
    f=${key%:*}; n=${key##*:}; text=""
    [ -r "$f" ] && text=$(sed -n "${n}{s/^[[:space:]]*//;p;}" "$f")
    printf '%8s%8s%8s%8s%8s%8s%8s%8s%8s  %s:%s  %s\n' "$ir" "$dr" "$dw" "$d1r" "$d1w" "$llr" "$llw" "$bc" "$bcm" "${f##*/}" "$n" "$text"
  done
}
echo
echo "Go, by function (each function's lines inlined from another file apart):"
header "file:function"
delta fn "$tmp/go.$months" "$tmp/go.$(( 2 * months ))" | significant |
  sed -E 's#  [^ ]*/([^/:]+:)#  \1#; s#commonwealth/internal/##'
echo
echo "Go, by source line:"
header "file:line"
delta line "$tmp/go.$months" "$tmp/go.$(( 2 * months ))" | significant | withsource
echo
echo "C, by source line:"
header "file:line"
delta line "$tmp/c.$months" "$tmp/c.$(( 2 * months ))" | significant | withsource
