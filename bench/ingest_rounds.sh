#!/bin/bash
# End-to-end ingest speed (read, segment, tag, parse, code, store) in rounds
# (docs/benchmarks.md, "Event store"):
#   bash bench/ingest_rounds.sh [BUILD_DIR] [ROUNDS]
# Needs ../shared/data/ud-english-ewt. The corpus it makes under $TMPDIR: the
# EWT documents (train, dev, test; `# newdoc` boundaries) joined in order into
# plain-text articles of at least 3,000 bytes (news-article length; EWT's own
# documents are shorter), one file each, paragraphs kept; plus the user's
# sample article when ../shared/samples has it. Every round ingests the whole
# directory into a fresh SQLite store, once as an ordinary ingest and once with
# --bulk, and prints wall time, CPU and the rates.
set -euo pipefail
BUILD=${1:-build}
ROUNDS=${2:-3}
SHARED=$(cd "$(dirname "$0")/../.." && pwd)/shared
EWT=$SHARED/data/ud-english-ewt
[ -d "$EWT" ] || { echo "needs $EWT" >&2; exit 1; }
T=${TMPDIR:-/tmp}/dyad_ingest_rounds
rm -rf "$T" && mkdir -p "$T/articles"
python3 - "$EWT" "$T/articles" "$SHARED/samples/000_f04b992bf11de041.txt" <<'PY'
import os, re, shutil, sys
ewt, out, sample = sys.argv[1:4]
docs, paras = [], []
for part in ("train", "dev", "test"):
    for line in open(os.path.join(ewt, f"en_ewt-ud-{part}.conllu"), encoding="utf-8"):
        if line.startswith("# newdoc"):
            if paras: docs.append(paras)
            paras = [[]]
        elif line.startswith("# newpar"):
            if paras and paras[-1]: paras.append([])
        elif line.startswith("# text = "):
            if not paras: paras = [[]]
            paras[-1].append(line[9:].rstrip("\n"))
if paras: docs.append(paras)
n, buf = 0, []
def flush():
    global n, buf
    with open(os.path.join(out, f"a{n:05d}.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(buf) + "\n")
    n, buf = n + 1, []
for d in docs:
    buf += [" ".join(p) for p in d if p]
    if sum(len(p) + 2 for p in buf) >= 3000: flush()
if buf: flush()
if os.path.exists(sample): shutil.copy(sample, os.path.join(out, "sample.txt"))
PY
FILES=$(ls "$T/articles" | wc -l)
BYTES=$(cat "$T/articles"/* | wc -c)
echo "corpus: $FILES articles, $BYTES bytes ($((BYTES / FILES)) per article) in $T/articles"
for r in $(seq "$ROUNDS"); do
  echo "== round $r $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  for mode in ordinary bulk; do
    rm -f "$T/store.db" "$T/store.db-wal" "$T/store.db-shm" "$T/store.db-bulk"
    flag=""; [ "$mode" = bulk ] && flag="--bulk"
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S %M" -o "$T/time" "$BUILD/bin/dyad" ingest $flag "$T/articles" \
      --store "$T/store.db" > "$T/out" 2> "$T/err"
    end=$(date +%s.%N)
    read -r user sys rss < "$T/time"
    counts=$(sqlite3 "$T/store.db" "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), \
      (SELECT count(*) FROM events)")
    python3 - "$mode" "$start" "$end" "$user" "$sys" "$rss" "$counts" <<'PY'
import sys
mode, start, end, user, sys_, rss, counts = sys.argv[1:8]
wall = float(end) - float(start)
articles, mentions, events = (int(x) for x in counts.split("|"))
print(f"{mode:8s}: {articles} articles, {mentions} mentions ({events} events) in {wall:.1f} s wall "
      f"({float(user):.1f} s user, {float(sys_):.1f} s sys, {int(rss) // 1024} MB max RSS): "
      f"{articles / wall:.0f} articles/s, {mentions / wall:.0f} events/s")
PY
  done
done
tail -n 3 "$T/err"
