#!/usr/bin/env bash
# Runs one bot process alone (it connects to a broker: bin/broker.sh). Several bots may feed one broker: give each its own --source-id.
# --help lists the options.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ql_build_if_stale
ql_java dev.quietloop.bot.BotMain "$@"
