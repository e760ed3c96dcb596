#!/bin/bash
# A/B speed of two builds on a noisy host (docs/benchmarks.md):
#   bash bench/ab_rounds.sh OLD_BUILD NEW_BUILD [ROUNDS] [FILTER] [COUNTER]
# e.g. bash bench/ab_rounds.sh /tmp/base/build build 8 BM_TokenizeTagParse words/s
# where /tmp/base is a worktree of the older commit (git worktree add /tmp/base
# COMMIT, then cmake there). Each build reads the EWT text from ../shared beside
# its own source tree, so a worktree elsewhere needs that link too
# (ln -s /path/to/shared /tmp/shared).
#
# Why: on a shared VM the same binary's words/s moves by ±30% within minutes,
# so rounds taken one after the other compare hosts, not code. Here both
# binaries run at the same moment, one pinned to each core (cores swapped
# every round), so each round compares them under the same load. FILTER is a
# pipeline_bench --benchmark_filter (default BM_TokenizeTagParse); COUNTER the
# user counter to compare (default words/s; "time" compares the reported
# real time, lower is better; a benchmark reporting several lines, such as
# BM_PipelineLoad with its cold twin, needs a FILTER that picks one). Prints every round and then, per build, the
# median and mean and how many rounds each won.
set -euo pipefail
OLD=${1:?usage: ab_rounds.sh OLD_BUILD NEW_BUILD [ROUNDS] [FILTER] [COUNTER]}
NEW=${2:?usage: ab_rounds.sh OLD_BUILD NEW_BUILD [ROUNDS] [FILTER] [COUNTER]}
ROUNDS=${3:-8}
FILTER=${4:-BM_TokenizeTagParse}
COUNTER=${5:-words/s}
for b in "$OLD" "$NEW"; do
  [ -x "$b/bin/pipeline_bench" ] || { echo "no $b/bin/pipeline_bench: build it first" >&2; exit 1; }
done
[ "$(nproc)" -ge 2 ] || { echo "needs two cores (one per build)" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# One figure from a pipeline_bench run: the counter, or the real time in ms.
figure() {
  python3 - "$1" "$COUNTER" <<'PY'
import re, sys
text, counter = open(sys.argv[1]).read(), sys.argv[2]
line = next((l for l in text.splitlines() if l.startswith("BM_")), None)
if line is None:
    sys.exit("no benchmark line in the output:\n" + text)
if counter == "time":
    print(f"{float(line.split()[1]):.1f}")
else:
    m = re.search(re.escape(counter) + r"=([0-9.]+)([kMG]?)", line)
    if not m:
        sys.exit(f"no counter {counter} in: {line}")
    print(f"{float(m.group(1)) * {'': 1, 'k': 1e3, 'M': 1e6, 'G': 1e9}[m.group(2)]:.1f}")
PY
}
for r in $(seq "$ROUNDS"); do
  if [ $((r % 2)) -eq 1 ]; then core_old=0 core_new=1; else core_old=1 core_new=0; fi
  taskset -c $core_old "$OLD/bin/pipeline_bench" --benchmark_filter="$FILTER" --benchmark_min_time=2 > "$T/old" 2>&1 &
  taskset -c $core_new "$NEW/bin/pipeline_bench" --benchmark_filter="$FILTER" --benchmark_min_time=2 > "$T/new" 2>&1 &
  wait
  old=$(figure "$T/old")
  new=$(figure "$T/new")
  echo "round $r $(date -u +%H:%M:%S) old(core $core_old) $old new(core $core_new) $new"
done | tee "$T/rounds"
python3 - "$T/rounds" "$COUNTER" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
old = [float(r[5]) for r in rows]
new = [float(r[8]) for r in rows]
lower_wins = sys.argv[2] == "time"
new_wins = sum((n < o) if lower_wins else (n > o) for o, n in zip(old, new))
for name, v in (("old", old), ("new", new)):
    print(f"{name}: median {statistics.median(v):.1f}, mean {statistics.mean(v):.1f}, range {min(v):.1f}-{max(v):.1f}")
print(f"new better in {new_wins} of {len(rows)} rounds ({sys.argv[2]}, {'lower' if lower_wins else 'higher'} is better)")
PY
