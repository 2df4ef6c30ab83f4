#!/usr/bin/env bash
# Prints a run's summary table (default: the latest run), or compares two runs:
#   bin/report.sh [RUN]    bin/report.sh compare RUN_A RUN_B    (--reports DIR, --help)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ql_build_if_stale
ql_java dev.quietloop.broker.report.ReportMain --reports "$QL_ROOT/perf/reports" "$@"
