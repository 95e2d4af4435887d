#!/usr/bin/env bash
# The whole review-abuse benchmark in one go: the Merx harness (generate the world over the real fine-food texts,
# train risk.review through the kind API with all feature groups and with each left out, export the rows the
# trainer fitted), then scikit-learn LogisticRegression and GradientBoostingClassifier on those rows, side by side.
# Usage (from anywhere in the repository): benchmarks/risk-review/run.sh [seed]     # default 19
# Extra Maven options (e.g. -Dmaven.repo.local=...) in MVN_ARGS.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="$repo/../shared/data"
seed="${1:-19}"
for f in fine_foods_train.csv fine_foods_test.csv; do
  if [[ ! -f "$data/$f" ]]; then
    echo "benchmark data missing: expected $data/$f" >&2
    exit 1
  fi
done
if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
  echo "installing scikit-learn (Debian python3-sklearn)" >&2
  apt-get install -y python3-sklearn >/dev/null
fi
out="$repo/benchmarks/risk-review/target/risk-review"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); scikit-learn $(/usr/bin/python3 -c 'import sklearn; print(sklearn.__version__)')"
mvn -q ${MVN_ARGS:-} -f "$repo/bundles/risk/pom.xml" install -DskipTests
echo "== Merx risk.review (train, save, load, score through the ModelKind API)"
mvn -q ${MVN_ARGS:-} -f "$repo/benchmarks/risk-review/pom.xml" compile exec:exec \
  -Dbenchmark.data="$data" -Dbenchmark.out="$out" -Dbenchmark.seed="$seed"
echo
echo "== the same features and split: Merx next to scikit-learn"
/usr/bin/python3 "$repo/benchmarks/risk-review/peers.py" "$out/features.csv"
