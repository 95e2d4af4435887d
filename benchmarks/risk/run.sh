#!/usr/bin/env bash
# The risk.transaction benchmark in one go: the Merx harness (simulated shop with known truth through the kind API,
# with and without graph features; single-order scoring latency; lending_club with the same estimator), then
# scikit-learn peers on the very same rows and splits. Usage (from anywhere in the repository):
#   benchmarks/risk/run.sh [honestAccounts]      # default 10000 (about 55,000 orders)
# Extra Maven options (e.g. -Dmaven.repo.local=...) in MVN_ARGS.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
lending="$repo/../shared/data/lending_club.csv"
accounts="${1:-10000}"
if [[ ! -f "$lending" ]]; then
  echo "benchmark data missing: expected $lending" >&2
  exit 1
fi
if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
  echo "installing scikit-learn (Debian python3-sklearn)" >&2
  apt-get install -y python3-sklearn >/dev/null
fi
out="$repo/benchmarks/risk/target/risk"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); scikit-learn $(/usr/bin/python3 -c 'import sklearn; print(sklearn.__version__)')"
mvn -q ${MVN_ARGS:-} -f "$repo/bundles/risk/pom.xml" install -DskipTests
echo "== Merx risk.transaction (train, save, load, score through the ModelKind API)"
mvn -q ${MVN_ARGS:-} -f "$repo/benchmarks/risk/pom.xml" compile exec:exec \
  -Dbenchmark.out="$out" -Dbenchmark.accounts="$accounts" -Dbenchmark.lendingClub="$lending"
echo
echo "== the same rows and splits: Merx next to scikit-learn"
/usr/bin/python3 "$repo/benchmarks/risk/peers.py" "$out/transaction.csv" "$out/lending.csv"
