#!/usr/bin/env bash
# Runs the whole forecasting benchmark in one go: the Merx harness (M3 monthly, all methods; Superstore weekly
# backtest) and then R's forecast::ets() and thetaf() on the same M3 series, one after the other so they do not
# compete for the cores. Usage (from anywhere in the repository):
#   benchmarks/forecasting/run.sh            # everything
#   LIMIT=200 benchmarks/forecasting/run.sh  # first 200 M3 series only (quick check)
# Throughput on generated series (no R peer): mvn -q -f benchmarks/forecasting/pom.xml compile exec:exec
#   -Dbenchmark.args="synthetic [--limit N] [--methods auto-ets,ensemble]"   (N defaults to 100,000)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="$repo/../shared/data"
if [[ ! -f "$data/m3_monthly.csv" || ! -f "$data/superstore.csv" ]]; then
  echo "benchmark data missing: expected $data/m3_monthly.csv and superstore.csv" >&2
  exit 1
fi
if ! command -v Rscript >/dev/null || ! Rscript -e 'suppressMessages(library(forecast))' >/dev/null 2>&1; then
  echo "installing R and the forecast package (Debian packages r-base-core r-cran-forecast)" >&2
  apt-get install -y r-base-core r-cran-forecast >/dev/null
fi
cores="$(nproc)"
limit="${LIMIT:-}"
merx_args="all"
if [[ -n "$limit" ]]; then merx_args="m3 --limit $limit"; fi

echo "== machine: $cores cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); $(Rscript --version 2>&1 | head -1)"
mvn -q -f "$repo/bundles/forecasting/pom.xml" install -DskipTests
echo "== Merx (merx-forecasting through the ModelKind API: train, save, load, score)"
mvn -q -f "$repo/benchmarks/forecasting/pom.xml" compile exec:exec -Dbenchmark.args="$merx_args"
echo
echo "== R forecast $(Rscript -e 'cat(as.character(packageVersion("forecast")))') on the same M3 series ($cores worker processes)"
Rscript "$repo/benchmarks/forecasting/peers.R" "$data/m3_monthly.csv" "${limit:-100000}" "$cores"
