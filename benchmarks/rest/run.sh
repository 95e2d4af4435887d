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

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${1:-30}
CONNECTIONS=${2:-16}
TIMEOUT_MS=${3:-10000}
PORT=${MERX_BENCH_PORT:-18181}
WORK=$ROOT/benchmarks/rest/target
SCRIPT=$ROOT/benchmarks/rest/score.lua

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
TAR=$(ls "$ROOT"/karaf-assembly/target/merx-*.tar.gz 2>/dev/null | head -1 || true)
[ -n "$TAR" ] || { echo "no distribution in karaf-assembly/target: build it first" >&2; exit 1; }

rm -rf "$WORK" && mkdir -p "$WORK"
cp "$TAR" "$WORK/dist.tar.gz"
gzip -t "$WORK/dist.tar.gz" || { echo "$TAR is incomplete (a build is writing it?): retry" >&2; exit 1; }
tar xzf "$WORK/dist.tar.gz" -C "$WORK" && rm "$WORK/dist.tar.gz"
KARAF=$(ls -d "$WORK"/*/ | head -1)
sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $PORT/" "$KARAF/etc/org.ops4j.pax.web.cfg"
printf 'requestTimeoutMillis = %s\n' "$TIMEOUT_MS" > "$KARAF/etc/io.merx.rest.cfg"
# Boot only REST and the example kind (MERX_BENCH_FEATURES=merx boots everything): other modules' first-start
# work (CoreNLP loading, Neo4j, demo trainings) would otherwise share the 2 cores with the measurement.
FEATURES=${MERX_BENCH_FEATURES:-merx-rest, merx-example-linear}
sed -i "s/merx\/[0-9A-Za-z.]*,/$FEATURES,/" "$KARAF/etc/org.apache.karaf.features.cfg"

# KARAF_EXEC=exec: the shell becomes the JVM, so stopping this PID stops Karaf.
(cd "$KARAF" && KARAF_EXEC=exec CHECK_ROOT_INSTANCE_RUNNING=false exec bin/karaf server > "$WORK/karaf.out" 2>&1) &
KARAF_PID=$!
stop() { kill "$KARAF_PID" 2>/dev/null || true; wait "$KARAF_PID" 2>/dev/null || true; }
trap stop EXIT

BASE=http://127.0.0.1:$PORT
MODEL=example-linear-demo
API=$BASE/api/v1/models/$MODEL
for _ in $(seq 1 240); do
  [ -f "$KARAF/data/merx/initial-admin-password" ] && \
    [ "$(curl -s -o /dev/null -w '%{http_code}' -u "merx-admin:$(cat "$KARAF/data/merx/initial-admin-password")" \
        "$BASE/v2/models/$MODEL/ready")" = 200 ] && break
  sleep 1
done
PW=$(cat "$KARAF/data/merx/initial-admin-password")
export MERX_AUTH="Basic $(printf 'merx-admin:%s' "$PW" | base64 -w0)"

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
