#!/usr/bin/env bash
# Writes a deterministic quote CSV: bin/gen-market-data.sh --ticks N --seed S --out FILE.
# --help lists the options.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ql_build_if_stale
ql_java dev.quietloop.bot.replay.MarketDataGenerator "$@"
