#!/usr/bin/env bash
# Runs the broker alone: it binds its ingest for bots and forwards to a sidecar (--sidecar), or launches what it is told to.
# --help lists the options; --config FILE takes them from a run's config.yaml.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# A run's config.yaml (--config FILE) names its own reports folder, which stands.
reports=(--reports "$QL_ROOT/perf/reports")
for arg in "$@"; do
  case "$arg" in
    --config|--config=*) reports=() ;;
  esac
done
ql_build_if_stale
ql_java dev.quietloop.broker.BrokerMain ${reports[@]+"${reports[@]}"} --jvm-options "$QL_JVM_OPTIONS" "$@"
