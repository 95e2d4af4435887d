#!/usr/bin/env bash
#
# REST latency under a constant offered load: starts the built distribution (as run.sh does), then the open-loop
# generator (io.merx.benchmarks.rest.OpenLoopBenchmark, Java, on the same machine) measures the closed-loop maximum
# throughput of POST /api/v1/models/example-linear-demo/score and offers 25 %, 50 % and 80 % of it at a constant
# rate, latency counted from each request's intended send time. Prints one Markdown table.
#
#   benchmarks/rest/run-openloop.sh [connections=8] [seconds=30] [fractions=0.25,0.5,0.8]
#
# MVN_ARGS passes Maven options (e.g. "-o -Dmaven.repo.local=..."); EXTRA_JAVA_OPTS passes JVM options to Karaf
# (e.g. a flight recording). Needs: curl, a built karaf-assembly (mvn -B -q install -DskipTests).
set -euo pipefail

CONNECTIONS=${1:-8}
SECONDS_PER_PHASE=${2:-30}
FRACTIONS=${3:-0.25,0.5,0.8}
HERE=$(cd "$(dirname "$0")" && pwd)

# shellcheck disable=SC2086
mvn -B -q -ntp ${MVN_ARGS:-} -f "$HERE/pom.xml" compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$HERE/target/classpath.txt"
source "$HERE/distribution.sh"

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
echo "== Karaf JVM: $(tr '\0' ' ' < /proc/$KARAF_PID/cmdline | grep -o -- '-X[^ ]*' | tr '\n' ' ')"
# The generator shares the cores with Karaf: a small fixed heap keeps its own collections short.
java -Xms128m -Xmx128m -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" \
  io.merx.benchmarks.rest.OpenLoopBenchmark "$API/score" "$CONNECTIONS" "$SECONDS_PER_PHASE" "$FRACTIONS"
echo "== load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
