#!/usr/bin/env bash
#
# Event ingestion under load: one real distribution (REST, example kind, merx-events) takes 2,000 events/s over
# POST /api/v1/events for 60 s while scoring goes on, is killed with kill -9 at 30 s and restarted; the sender
# re-sends unacknowledged batches, and every event is counted back from the export. Also scoring p50/p99 alone
# (the peer) and during ingestion. The harness is io.merx.itests.events.EventsLoadBenchmark (CI never runs it).
#
#   benchmarks/events/run.sh
#
# Needs a built tree (mvn -B -DskipTests install).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -pl itests test -Dtest=EventsLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
grep -h "events sent\|events in" itests/target/surefire-reports/*EventsLoadBenchmark*-output.txt \
    itests/target/surefire-reports/TEST-*EventsLoadBenchmark.xml 2>/dev/null | sort -u || true
