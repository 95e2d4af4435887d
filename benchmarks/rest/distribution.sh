# Sourced by the REST benchmarks: unpacks the built distribution into $WORK, starts it on $PORT with only REST and
# the example kind, waits until the demo model is ready, and sets KARAF, BASE, API, MODEL, PW and MERX_AUTH. The
# distribution stops when the calling script exits. EXTRA_JAVA_OPTS (bin/karaf's own variable) passes JVM options,
# e.g. a flight recording; MERX_BENCH_DIST names another distribution archive than karaf-assembly's.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PORT=${MERX_BENCH_PORT:-18181}
WORK=${WORK:-$ROOT/benchmarks/rest/target/dist}

TAR=${MERX_BENCH_DIST:-$(ls "$ROOT"/karaf-assembly/target/merx-*.tar.gz 2>/dev/null | head -1 || true)}
[ -n "$TAR" ] || { echo "no distribution in karaf-assembly/target: build it first" >&2; exit 1; }

rm -rf "$WORK" && mkdir -p "$WORK"
cp "$TAR" "$WORK/dist.tar.gz"
gzip -t "$WORK/dist.tar.gz" || { echo "$TAR is incomplete (a build is writing it?): retry" >&2; exit 1; }
tar xzf "$WORK/dist.tar.gz" -C "$WORK" && rm "$WORK/dist.tar.gz"
KARAF=$(ls -d "$WORK"/*/ | head -1)
sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $PORT/" "$KARAF/etc/org.ops4j.pax.web.cfg"
printf 'requestTimeoutMillis = %s\n' "${TIMEOUT_MS:-10000}" > "$KARAF/etc/io.merx.rest.cfg"
# Boot only REST and the example kind (MERX_BENCH_FEATURES=merx boots everything): other modules' first-start
# work (CoreNLP loading, Neo4j, demo trainings) would otherwise share the 2 cores with the measurement.
FEATURES=${MERX_BENCH_FEATURES:-merx-rest, merx-example-linear}
sed -i "s/merx\/[0-9A-Za-z.]*,/$FEATURES,/" "$KARAF/etc/org.apache.karaf.features.cfg"

# KARAF_EXEC=exec: the shell becomes the JVM, so stopping this PID stops Karaf.
(cd "$KARAF" && KARAF_EXEC=exec CHECK_ROOT_INSTANCE_RUNNING=false exec bin/karaf server > "$WORK/karaf.out" 2>&1) &
KARAF_PID=$!
stop_distribution() { kill "$KARAF_PID" 2>/dev/null || true; wait "$KARAF_PID" 2>/dev/null || true; }
trap stop_distribution EXIT

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
