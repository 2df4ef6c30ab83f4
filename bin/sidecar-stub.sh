#!/usr/bin/env bash
# Runs the sidecar stub alone, e.g. on another host; point a broker at it with --sidecar.
# --help lists the options.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ql_build_if_stale
ql_java dev.quietloop.sidecar.SidecarStubMain "$@"
