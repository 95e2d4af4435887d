#!/usr/bin/env bash
# customers.segments next to scikit-learn KMeans, one after the other so they do not compete for the cores.
# Usage (from anywhere in the repository): benchmarks/customers/run.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="$repo/../shared/data"
if [[ ! -f "$data/superstore.csv" ]]; then
  echo "benchmark data missing: expected $data/superstore.csv" >&2
  exit 1
fi
if ! /usr/bin/python3 -c 'import sklearn' >/dev/null 2>&1; then
  echo "installing scikit-learn (Debian package python3-sklearn)" >&2
  apt-get install -y python3-sklearn >/dev/null
fi
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
mvn -q -f "$repo/bundles/customers/pom.xml" install -DskipTests ${MVN_ARGS:-}
echo "== Merx customers.segments (train, save, load through the kind)"
mvn -q -f "$repo/benchmarks/customers/pom.xml" compile exec:exec ${MVN_ARGS:-}
echo
echo "== scikit-learn on the same features"
/usr/bin/python3 "$repo/benchmarks/customers/peers.py" "$repo/benchmarks/customers/target/bench"
