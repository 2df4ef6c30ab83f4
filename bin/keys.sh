#!/usr/bin/env bash
# Writes the CURVE keypairs that --keys DIR uses: bin/keys.sh DIR writes DIR/ROLE.key (public)
# and DIR/ROLE.key_secret (secret, mode 0600) for sidecar, broker and bot. docs/security.md
# explains the layout. --help lists the options.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ql_build_if_stale
ql_java dev.quietloop.protocol.security.KeysMain "$@"
