#!/usr/bin/env bash
#
# REST latency under a constant offered load: for each collector in MERX_BENCH_GCS (default: the distribution's
# ZGC, then G1, the JVM's default, as the peer), starts the built distribution afresh (as run.sh does), and the
# open-loop generator (io.merx.benchmarks.rest.OpenLoopBenchmark, Java, on the same machine) measures the
# closed-loop maximum throughput of POST /api/v1/models/example-linear-demo/score, then offers 25 %, 50 % and 80 %
# of it at a constant rate, latency counted from each request's intended send time. Prints one table per collector.
#
#   benchmarks/rest/run-openloop.sh [connections=8] [seconds=30] [fractions=0.25,0.5,0.8]
#
# MVN_ARGS passes Maven options (e.g. "-o -Dmaven.repo.local=..."); EXTRA_JAVA_OPTS passes JVM options to Karaf
# (e.g. a flight recording). Needs: curl, a built karaf-assembly (mvn -B -q install -DskipTests).
set -euo pipefail

CONNECTIONS=${1:-8}
SECONDS_PER_PHASE=${2:-30}
FRACTIONS=${3:-0.25,0.5,0.8}
IFS=',' read -r -a COLLECTORS <<< "${MERX_BENCH_GCS:--XX:+UseZGC,-XX:+UseG1GC}"
HERE=$(cd "$(dirname "$0")" && pwd)

# shellcheck disable=SC2086
mvn -B -q -ntp ${MVN_ARGS:-} -f "$HERE/pom.xml" compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$HERE/target/classpath.txt"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"

for gc in "${COLLECTORS[@]}"; do
  ( # a subshell per collector: distribution.sh stops Karaf when it exits
    export JAVA_GC_OPTS=$gc
    source "$HERE/distribution.sh"
    echo
    echo "== Karaf JVM: $(tr '\0' '\n' < "/proc/$KARAF_PID/cmdline" | grep -E -- '^-X(m[sx]|X:\+Use.*GC)' | tr '\n' ' ')"
    echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    # The generator shares the cores with Karaf: a small fixed heap keeps its own collections short.
    java -Xms128m -Xmx128m -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" \
      io.merx.benchmarks.rest.OpenLoopBenchmark "$API/score" "$CONNECTIONS" "$SECONDS_PER_PHASE" "$FRACTIONS" \
      | grep -v '^open loop at\|^warm-up\|^closed loop:'
    echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  )
done
