#!/usr/bin/env bash
# Prints the live counters of every quietloop process on this host once a second, read from
# their counters files ($QUIETLOOP_COUNTERS_DIR, else /dev/shm/quietloop-counters). --help lists the options.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ql_build_if_stale
ql_java dev.quietloop.protocol.process.StatMain "$@"
