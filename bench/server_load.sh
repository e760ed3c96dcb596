#!/usr/bin/env bash
# Load test of `dyad serve` on loopback with wrk (Debian package `wrk`).
#
#   bash bench/server_load.sh [BUILD_DIR] [SECONDS]      (defaults: build 20)
#
# 1. POST /v1/code with a ~600-word article (examples/article.txt repeated and
#    cut at 600 words; our own text) at 1, 4 and 16 keep-alive connections:
#    requests/s and latency percentiles (wrk --latency).
# 2. 1,000 concurrent keep-alive connections (wrk -c1000) on the same route,
#    while /healthz is probed on fresh connections every 100 ms: its latency
#    percentiles, and the server must still answer afterwards.
# Every run is bounded (SECONDS each, at most 30). The server gets its own
# temporary store and stops at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
secs="${2:-20}"
(( secs > 30 )) && secs=30
dyad="$build/bin/dyad"
[[ -x "$dyad" ]] || { echo "server_load: $dyad missing (build first)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "server_load: wrk missing (apt-get install wrk)" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)"

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# The body: our example article repeated, cut at 600 words.
python3 - "$root/examples/article.txt" "$tmp/body.json" <<'PY'
import json, sys
words = open(sys.argv[1], encoding="utf-8").read().split(" ")
text, out = " ".join(words), []
while len(" ".join(out).split()) < 600:
    out.extend(words)
paras = " ".join(out).split()
text = " ".join(paras[:600])
json.dump({"text": text, "date": "2024-03-12", "outlet": "bench"}, open(sys.argv[2], "w"))
print(f"server_load: body {len(text.split())} words, {len(text.encode())} bytes")
PY
cat > "$tmp/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open(os.getenv("DYAD_BENCH_BODY"), "rb"))
wrk.body = f:read("*a")
f:close()
LUA
export DYAD_BENCH_BODY="$tmp/body.json"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
"$dyad" serve --store "$tmp/bench.db" --listen "127.0.0.1:$port" --timeout-ms 30000 >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "$url/healthz" >/dev/null || { cat "$tmp/server.log"; exit 1; }
echo "server_load: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), dyad serve on $url"
curl -sf -XPOST -H 'Content-Type: application/json' --data-binary @"$tmp/body.json" "$url/v1/code" \
  | python3 -c 'import json,sys; print("server_load: events per request:", len(json.load(sys.stdin)["events"]))'

# CPU seconds the server process has used (utime + stime), to report CPU per
# request: on a shared machine the wall-clock rate depends on the neighbours,
# the CPU cost per request much less.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$server_pid/stat"; }

for c in 1 2 4 16; do
  echo "== POST /v1/code, $c connections, ${secs}s (load average before: $(cut -d' ' -f1 /proc/loadavg))"
  before="$(cpu_s)"
  out="$(wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"${secs}s" --latency -s "$tmp/post.lua" "$url/v1/code")"
  after="$(cpu_s)"
  echo "$out" | grep -E "Requests/sec|Latency  |50%|90%|99%|Non-2xx|Socket errors|requests in"
  n="$(echo "$out" | awk '/requests in/ { print $1 }')"
  awk -v a="$after" -v b="$before" -v n="$n" 'BEGIN { if (n > 0) printf "server CPU per request: %.1f ms\n", (a - b) * 1000 / n }'
done

echo "== POST /v1/code, 1000 connections, ${secs}s, /healthz probed meanwhile"
: >"$tmp/health.txt"
(
  end=$(( $(date +%s) + secs ))
  while (( $(date +%s) < end )); do
    curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}\n' "$url/healthz" >>"$tmp/health.txt" || echo "000 10" >>"$tmp/health.txt"
    sleep 0.1
  done
) &
probe=$!
wrk -t2 -c1000 -d"${secs}s" --timeout 30s --latency -s "$tmp/post.lua" "$url/v1/code" \
  | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors|requests in"
wait "$probe"
python3 - "$tmp/health.txt" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
ok = [float(t) * 1000 for code, t in rows if code == "200"]
ok.sort()
pct = lambda p: ok[min(len(ok) - 1, int(p / 100 * len(ok)))] if ok else float("nan")
print(f"/healthz during the 1000-connection run: {len(ok)}/{len(rows)} answered 200; "
      f"latency ms p50 {pct(50):.1f}, p99 {pct(99):.1f}, max {max(ok) if ok else float('nan'):.1f}")
PY
curl -sf "$url/healthz" >/dev/null && echo "server_load: server still answers after the run" \
  || { echo "server_load: server does not answer after the run" >&2; exit 1; }
curl -s "$url/metrics" | grep -E '^dyad_coding_rejected_total|^dyad_http_requests_total\{route="/v1/code"' || true
