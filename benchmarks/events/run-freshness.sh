#!/usr/bin/env bash
#
# Event -> changed recommendation over REST: one real distribution (REST, merx-events, merx-recommendation and its
# demo ALS model); each round posts a purchase of a customer's top item and polls the score until it is gone, then
# a view and polls until the folded-in list changes; p50/p99 beside a score call alone. The harness is
# io.merx.itests.events.FreshnessLatencyBenchmark (CI never runs it).
#
#   benchmarks/events/run-freshness.sh
#
# Needs a built tree (mvn -B -DskipTests install).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -pl itests test -Dtest=FreshnessLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
grep -h "^| \|rounds after\|unchanged" itests/target/surefire-reports/*FreshnessLatencyBenchmark*-output.txt 2>/dev/null || true
