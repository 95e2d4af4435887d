#!/usr/bin/env bash
# The whole propensity benchmark in one go: the Merx harness (train customers.propensity on Superstore through the
# kind API, export the feature rows it built), then scikit-learn LogisticRegression and GradientBoostingClassifier on
# those rows, side by side, and the reliability curve picture. Usage (from anywhere in the repository):
#   benchmarks/customers-propensity/run.sh [horizonDays] [cutoffs]     # defaults 180 3
# Extra Maven options (e.g. -Dmaven.repo.local=...) in MVN_ARGS.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="$repo/../shared/data/superstore.csv"
horizon="${1:-180}"
cutoffs="${2:-3}"
if [[ ! -f "$data" ]]; then
  echo "benchmark data missing: expected $data" >&2
  exit 1
fi
if ! /usr/bin/python3 -c 'import sklearn, matplotlib' 2>/dev/null; then
  echo "installing scikit-learn and matplotlib (Debian python3-sklearn python3-matplotlib)" >&2
  apt-get install -y python3-sklearn python3-matplotlib >/dev/null
fi
out="$repo/benchmarks/customers-propensity/target/propensity"
mkdir -p "$repo/docs/images"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); scikit-learn $(/usr/bin/python3 -c 'import sklearn; print(sklearn.__version__)')"
mvn -q ${MVN_ARGS:-} -f "$repo/bundles/customers/pom.xml" install -DskipTests
echo "== Merx customers.propensity (train, save, load, score through the ModelKind API)"
mvn -q ${MVN_ARGS:-} -f "$repo/benchmarks/customers-propensity/pom.xml" compile exec:exec \
  -Dbenchmark.data="$data" -Dbenchmark.out="$out" -Dbenchmark.horizonDays="$horizon" -Dbenchmark.cutoffs="$cutoffs"
echo
echo "== the same features and split: Merx next to scikit-learn"
/usr/bin/python3 "$repo/benchmarks/customers-propensity/peers.py" "$out/features.csv" \
  "$repo/docs/images/customers-propensity-reliability.png"
