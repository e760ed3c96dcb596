#!/bin/bash
# NLP speed, load time and memory in interleaved rounds (docs/benchmarks.md):
#   bash bench/nlp_rounds.sh [BUILD_DIR] [ROUNDS]
# Needs ../shared/data/ud-english-ewt and the sample article in ../shared/samples.
# Inputs it makes under $TMPDIR: 8 x the EWT test text (1 MB) and a JSONL of 80
# articles (40 copies of the sample article, 40 blocks of 20 EWT test
# paragraphs, 2 broken lines). BM_PipelineLoad is the load of every run after
# the first (decompressed models from the cache in $DYAD_CACHE_DIR, else
# ~/.cache/dyad); BM_PipelineLoadCold the first one (every frame decompressed).
set -euo pipefail
BUILD=${1:-build}
ROUNDS=${2:-5}
SHARED=$(cd "$(dirname "$0")/../.." && pwd)/shared
EWT=$SHARED/data/ud-english-ewt/en_ewt-ud-test.conllu
SAMPLE=$SHARED/samples/000_f04b992bf11de041.txt
[ -f "$EWT" ] && [ -f "$SAMPLE" ] || { echo "needs $EWT and $SAMPLE" >&2; exit 1; }
T=${TMPDIR:-/tmp}/dyad_nlp_rounds
mkdir -p "$T"
python3 "$(dirname "$0")/../tools/conllu_to_text.py" "$EWT" > "$T/test.txt"
for i in 1 2 3 4 5 6 7 8; do cat "$T/test.txt"; done > "$T/test8.txt"
python3 - "$SAMPLE" "$T/test.txt" "$T/code.jsonl" <<'PY'
import json, sys
sample = open(sys.argv[1]).read()
paras = [p for p in open(sys.argv[2]).read().split("\n\n") if p.strip()]
with open(sys.argv[3], "w") as f:
    for i in range(40):
        f.write(json.dumps({"id": f"a{i}", "text": sample, "date": "2023-12-27"}) + "\n")
        if i == 5: f.write('{"broken json\n')
        if i == 9: f.write('{"id":"x","notext":1}\n')
        f.write(json.dumps({"id": f"p{i}", "text": "\n\n".join(paras[i*20:(i+1)*20]), "date": "2024-01-15"}) + "\n")
PY
for r in $(seq "$ROUNDS"); do
  echo "== round $r $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$BUILD/bin/pipeline_bench" --benchmark_filter='PipelineLoad|EngineLoad|TokenizeTag|TextToEvents' \
    --benchmark_min_time=2 2>&1 | grep BM_
  taskset -c 0 "$BUILD/bin/pipeline_bench" --benchmark_filter=PipelineLoad 2>&1 | grep BM_ | sed 's/^/one core: /'
  for j in 1 2; do
    /usr/bin/time -f "parse -j $j: %e s wall, %U user, %S sys, %M KB maxrss" \
      "$BUILD/bin/dyad" parse -j $j "$T/test8.txt" > /dev/null
  done
  for j in 1 2; do  # exits 1: the two broken lines are reported, as they should be
    { /usr/bin/time -f "code jsonl -j $j: %e s wall, %U user, %S sys, %M KB maxrss" \
      "$BUILD/bin/dyad" code --input jsonl -j $j "$T/code.jsonl" 2>&1 > /dev/null || true; } | tail -1
  done
done
