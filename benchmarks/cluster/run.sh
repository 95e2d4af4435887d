#!/usr/bin/env bash
#
# Cluster-mode benchmark: scoring throughput and convergence time for a plain single node (the peer) and for
# clusters of 1, 2 and 3 real Karaf nodes on one real PostgreSQL, all on this machine. The harness is the
# itests' multi-node one (io.merx.itests.cluster.ClusterBenchmark, which CI never runs); this runs it on demand.
#
#   benchmarks/cluster/run.sh [sizes=0,1,2,3]        # 0 is the plain node without cluster mode
#
# Needs a built tree (mvn -B -DskipTests install). Prints the table and appends it to
# itests/target/cluster-benchmark.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SIZES=${1:-0,1,2,3}
cd "$ROOT"
mvn -B -ntp -q -pl itests test -Dtest=ClusterBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmerx.bench.sizes="$SIZES"
cat itests/target/cluster-benchmark.md
