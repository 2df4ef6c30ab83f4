#!/usr/bin/env bash
# Runs the broker alone: it binds its ingest for bots and forwards to a sidecar (--sidecar), or launches what it is told to.
# --help lists the options.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ql_build_if_stale
ql_java dev.quietloop.broker.BrokerMain --reports "$QL_ROOT/perf/reports" --jvm-options "$QL_JVM_OPTIONS" "$@"
