#!/usr/bin/env bash
# The benchmark suite: latency isolation under sidecar faults (quietloop and a naive baseline),
# throughput and CPU per event against raw JeroMQ, fixed-rate latency and the JMH micro-benchmarks. Writes
# perf/RESULTS.md and perf/results/*.png; each run's report stays under perf/reports/bench-*.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

case "${1:-}" in
  -h|--help)
    cat <<USAGE
Usage: bin/bench.sh [--quick] [--only isolation,throughput,cpu,latency,micro] [--results FILE] [--no-pin]

  --quick     the short suite: the isolation matrix at 5,000 ticks/s with shorter replays,
              4.5 minutes on this 2-core machine; with --only, that section quick-sized.
              The default is the full suite (40 minutes)
  --only      run only these sections (the others are left out of the results file)
  --results   where to write the results (default perf/RESULTS.md; plots go to results/ beside it)
  --no-pin    leave the isolation runs' threads to the operating system (default: the bot's
              trading thread alone on the last CPU, every other thread on the rest)

Exit codes: 0 ok; 1 a run failed (its output is named); 2 bad input.
USAGE
    exit 0 ;;
esac

ql_require_java
# perf is not part of dist, and its target/lib holds copies of the jars of the modules it uses: so
# it is stale when any main source or pom, of any module, is newer than its own build. When dist
# is stale too, one Maven run builds both (each module once).
stale=$(ql_stale_reason)
stamp="$QL_ROOT/perf/target/classes/META-INF/BenchmarkList"
if [ -n "$stale" ]; then
  ql_build dist,perf "$stale"
elif [ ! -f "$stamp" ] || [ ! -d "$QL_ROOT/perf/target/lib" ] || [ -n "$(ql_newer_source "$stamp")" ]; then
  ql_build perf "sources changed since perf was built"
fi
cd "$QL_ROOT"
exec "$QL_JAVA" "@$QL_JVM_OPTIONS" -cp "$QL_ROOT/perf/target/classes:$QL_ROOT/perf/target/lib/*" \
  dev.quietloop.perf.bench.BenchMain --jvm-options "$QL_JVM_OPTIONS" "$@"
