#!/usr/bin/env bash
# Runs the fault matrix by hand: each fault a user meets, against a real bin/run-bot.sh run in a
# process group of its own, and prints one row per fault: what was lost, who counted it, and the
# exit code. dist's FaultMatrixIT drives the same faults and asserts each account.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
Usage: bin/fault-matrix.sh [--ticks N] [--rate N] [--out DIR]

Faults: ctrl-c (SIGINT to the process group), sigterm (to the broker), broker-kill, bot-kill and
stub-kill (kill -9), stub-stop (SIGSTOP for 2 s, then SIGCONT), stub-restart (an external stub
killed and started again on its port), hostile (forty connections of garbage at the ingest),
no-broker (a bot alone), off-loopback (an ingest on 0.0.0.0 without --keys), full-disk (an 80 KB
reports folder; root only). Forged frames need a ZMTP peer: FaultMatrixIT sends those.
Each run's report goes to DIR/reports/<fault>/ (default DIR: a new temporary folder).
USAGE
}

ticks=200000
rate=20000
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --ticks) [ $# -ge 2 ] || ql_die "--ticks needs N"; ticks=$2; shift 2 ;;
    --rate) [ $# -ge 2 ] || ql_die "--rate needs N"; rate=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || ql_die "--out needs DIR"; out=$2; shift 2 ;;
    *) ql_die "unknown option: $1 (see --help)" ;;
  esac
done
# Job control: each background run leads a process group of its own, as in a terminal, and its
# SIGINT is not ignored (a script's background commands ignore it without job control).
set -m
[ -n "$out" ] || out=$(mktemp -d)
mkdir -p "$out"
ql_build_if_stale
data="$out/faults.csv"
"$QL_ROOT/bin/gen-market-data.sh" --ticks "$ticks" --seed 15 --out "$data" >/dev/null

# key FILE SECTION NAME: the first NAME after SECTION's opening in a summary file, or "-". summary.json
# nests by dots ("bot": {"unsent": 3}, "run": {"lostWith": {"bot": 5}}), sorted by name.
key() {
  local file=$1 section=$2 name=$3
  [ -f "$file" ] || { echo "-"; return; }
  tr -d '\n ' <"$file" | sed -n "s/.*\"$section\":{//p" | grep -o "\"$name\":-\?[0-9]*" | head -1 | cut -d: -f2 \
    | grep . || echo 0
}

# wait_mid_run LOG PID: until the bot has reported progress twice, events flow through every hop.
wait_mid_run() {
  local i
  for i in $(seq 1 600); do
    [ "$(grep -c 'bot: progress' "$1" 2>/dev/null || true)" -ge 2 ] && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

child_pid() { pgrep -P "$1" -f "$2" | head -1; }

# free_port: a loopback port nothing listens on now.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  ql_die "no free loopback port found"
}

# start_stub PORT NAME: an external sidecar stub bound at PORT, once it says it is ready; its pid in $stub_pid.
start_stub() {
  "$QL_ROOT/bin/sidecar-stub.sh" --bind "tcp://127.0.0.1:$1" >"$out/stub-$2.log" 2>&1 </dev/null &
  stub_pid=$!
  for _ in $(seq 1 300); do
    grep -q quietloop-ready "$out/stub-$2.log" 2>/dev/null && return 0
    sleep 0.1
  done
  ql_die "the sidecar stub did not start; see $out/stub-$2.log"
}

# hostile PORT: forty short connections of garbage, half of them after a ZMTP 3.0 greeting.
hostile() {
  local i
  for i in $(seq 1 20); do
    head -c 4096 /dev/urandom >"/dev/tcp/127.0.0.1/$1" 2>/dev/null || true
    { printf '\377\0\0\0\0\0\0\0\0\177\003\000NULL'; head -c 48 /dev/zero; head -c 4096 /dev/urandom; } \
      >"/dev/tcp/127.0.0.1/$1" 2>/dev/null || true
  done
}

# run_fault FAULT: runs it in the foreground shell (job control needs it), leaving its exit code in $code.
run_fault() {
  local fault=$1 log="$out/$fault.log" pid port extra=()
  case "$fault" in
    hostile) port=$(free_port); extra=(--ingest "tcp://127.0.0.1:$port") ;;
    stub-restart) port=$(free_port); start_stub "$port" first; extra=(--sidecar "tcp://127.0.0.1:$port") ;;
  esac
  "$QL_ROOT/bin/run-bot.sh" --data "$data" --rate "$rate" --run-id "$fault" --reports "$out/reports" \
    --no-plots ${extra[@]+"${extra[@]}"} >"$log" 2>&1 </dev/null &
  pid=$!
  if ! wait_mid_run "$log" "$pid"; then
    echo "$fault: never reached mid-run; see $log" >&2
  fi
  case "$fault" in
    ctrl-c) kill -INT -- "-$pid" ;;
    sigterm) kill -TERM "$pid" ;;
    broker-kill) kill -KILL "$pid" ;;
    bot-kill) kill -KILL "$(child_pid "$pid" BotMain)" ;;
    stub-kill) kill -KILL "$(child_pid "$pid" SidecarStubMain)" ;;
    stub-stop) kill -STOP "$(child_pid "$pid" SidecarStubMain)"; sleep 2
               kill -CONT "$(child_pid "$pid" SidecarStubMain)" ;;
    stub-restart) kill -KILL "$stub_pid"; wait "$stub_pid" 2>/dev/null || true; start_stub "$port" second ;;
    hostile) hostile "$port" ;;
  esac
  code=0
  { wait "$pid"; } 2>/dev/null || code=$? # quiet: job control would report a killed broker
  [ "$fault" = stub-restart ] && { kill -TERM "$stub_pid" 2>/dev/null || true; wait "$stub_pid" 2>/dev/null || true; }
  sleep 1 # a killed broker's children end by themselves, within a second
}

row() { printf '%-13s %-5s %-9s %-9s %-s\n' "$@"; }

row fault exit produced received "lost, and who counted it"
for fault in ctrl-c sigterm broker-kill bot-kill stub-kill stub-stop stub-restart hostile; do
  run_fault "$fault"
  dir="$out/reports/$fault"
  s="$dir/summary.json"
  if [ "$fault" = broker-kill ]; then
    left=$( (pgrep -f "run-id $fault|reports/$fault" || true) | wc -l)
    lost="the broker's own side (it died); the bot's unacknowledged $(key "$dir/bot.json" bot unacked) (bot); bot and stub wrote theirs, $left processes left"
    produced=$(key "$dir/bot.json" bot eventsProduced)
    received=$(key "$dir/sidecar.json" sidecar eventsReceived)
  else
    produced=$(key "$s" bot eventsProduced)
    received=$(key "$s" sidecar eventsReceived)
    lost="ring rejected $(key "$s" bot ringRejected) (bot), unsent $(key "$s" bot unsent) (bot), unacknowledged $(key "$s" bot unacked) (bot)"
    lost+=", undelivered $(key "$s" broker undelivered) (broker)"
    case "$fault" in
      bot-kill) lost+=", lost with the bot $(key "$s" lostWith bot) (broker)" ;;
      stub-kill) lost+=", lost with the stub $(key "$s" lostWith sidecar-stub) (broker)" ;;
      stub-restart) received="-"
        lost+=", link drops $(key "$s" broker sidecarDisconnects) with $(key "$s" broker framesInFlightAtDisconnect) frames in flight: unproven (broker)" ;;
      hostile) lost+="; bad frames refused $(key "$s" broker badFrames), ingest restarts $(key "$s" broker ingressRestarts) (broker)" ;;
    esac
  fi
  row "$fault" "$code" "$produced" "$received" "$lost"
done

# A bot alone, with nobody listening: what its socket queued reached nobody.
code=0
"$QL_ROOT/bin/bot.sh" --data "$data" --broker "tcp://127.0.0.1:$(free_port)" --rate "$rate" --link-wait-ms 200 \
  --drain-timeout 1 --quiet --summary "$out/no-broker.json" >"$out/no-broker.log" 2>&1 || code=$?
row no-broker "$code" "$(key "$out/no-broker.json" bot eventsProduced)" "-" \
  "unacknowledged $(key "$out/no-broker.json" bot unacked) of $(key "$out/no-broker.json" bot eventsSent) sent (bot: no link ever came up)"

# An ingest off loopback without keys: refused before anything runs.
code=0
"$QL_ROOT/bin/run-bot.sh" --ingest tcp://0.0.0.0:0 --reports "$out/reports" >"$out/open.log" 2>&1 || code=$?
row off-loopback "$code" "-" "-" "nothing ran: $(head -c 90 "$out/open.log")..."

# A full reports disk (root only: an 80 KB tmpfs the children fill): the account is printed instead.
mkdir -p "$out/full"
if mount -t tmpfs -o size=80k tmpfs "$out/full" 2>/dev/null; then
  code=0
  "$QL_ROOT/bin/run-bot.sh" --reports "$out/full" --run-id full --no-plots >"$out/full.log" 2>&1 || code=$?
  umount "$out/full"
  row full-disk "$code" "-" "-" "$(grep -o 'produced [0-9]* = .*holds' "$out/full.log" | head -1) printed; $(grep -o 'No space left on device' "$out/full.log" | head -1)"
else
  row full-disk "-" "-" "-" "skipped: mounting a small tmpfs needs root"
fi
echo "reports and logs: $out"
