#!/usr/bin/env bash
#
# REST load benchmark: unpacks the built distribution, starts it, and drives
# POST /api/v1/models/example-linear-demo/score with wrk (HTTP Basic, keep-alive) on loopback. Halfway through the
# measured run it activates version 2 of the model over REST (a hot swap: load, warm, switch, drain) and then
# checks that no request failed.
#
#   benchmarks/rest/run.sh [seconds=30] [connections=16] [requestTimeoutMillis=10000]
#
# Needs: wrk (apt-get install -y wrk), curl, a built karaf-assembly (mvn -B -q install -DskipTests).
set -euo pipefail

DURATION=${1:-30}
CONNECTIONS=${2:-16}
TIMEOUT_MS=${3:-10000}
SCRIPT=$(cd "$(dirname "$0")" && pwd)/score.lua

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
source "$(dirname "$0")/distribution.sh"

# Version 2 for the swap: the same artifact imported again (a full load, warm-up, switch and drain).
curl -sf -u "merx-admin:$PW" -o "$WORK/v1.zip" "$API/versions/1/export"
curl -sf -u "merx-admin:$PW" -H 'Content-Type: application/zip' --data-binary @"$WORK/v1.zip" \
  "$BASE/api/v1/models/import?name=$MODEL" > "$WORK/import.json"

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
echo "== warm-up (10 s)"
wrk -t1 -c"$CONNECTIONS" -d10s -s "$SCRIPT" "$API/score" | grep RESULT
echo "== measured: ${DURATION} s, $CONNECTIONS connections, swap to version 2 at $((DURATION / 2)) s"
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$SCRIPT" "$API/score" > "$WORK/wrk.txt" &
WRK_PID=$!
sleep $((DURATION / 2))
SWAP_START=$(date +%s%N)
SWAP=$(curl -s -o "$WORK/activate.json" -w '%{http_code}' -u "merx-admin:$PW" -H 'Content-Type: application/json' \
  -d '{"version": "2"}' "$API/activate")
echo "activate version 2: HTTP $SWAP in $(( ($(date +%s%N) - SWAP_START) / 1000000 )) ms"
wait "$WRK_PID"
cat "$WORK/wrk.txt"
LIVE=$(curl -s -u "merx-admin:$PW" "$API/versions/live" | grep -o '"version":"[0-9]*"' | head -1)
echo "live after the run: $LIVE"
curl -s -u "merx-admin:$PW" "$BASE/metrics" | grep -E '^merx_(model_swaps_total|http_request_errors_total)' || true
grep -q 'errors=0 non2xx=0$' "$WORK/wrk.txt" && [ "$SWAP" = 200 ] \
  && echo "OK: no failed request during the hot swap" || { echo "FAILED: see above" >&2; exit 1; }
