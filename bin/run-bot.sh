#!/usr/bin/env bash
# The entrypoint: builds if needed, then runs the sidecar stub, the broker and the bot (the
# broker launches the other two), replays market data, and writes a report under perf/reports/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
Usage: bin/run-bot.sh [OPTIONS] [BROKER OPTIONS]

Replays market data through the bot; every event goes bot -> broker -> metrics sidecar, and
the broker's send latency to the sidecar lands in perf/reports/<run-id>/.

Options:
  --data FILE               market data to replay, .csv or .csv.gz (default: data/sample-quotes.csv);
                            repeatable: one bot per file, under one broker and one account
  --bots N                  N bots replay the one --data, source ids 1..N (default 1); each
                            bot's account is in summary.txt beside the totals
  --format NAME             quietloop, binance-bookticker, binance-aggtrades, tardis-quotes,
                            tardis-trades (default: detected from the first line)
  --symbol SYMBOL           the symbol of a Binance file (default: from the file name)
  --speed max|N             max: as fast as possible (default); 1: the file's own timing;
                            N: N times faster
  --rate N                  replay at a fixed N ticks per second instead
  --strategy NAME           ma-crossover (default), imbalance, tick-signal, or a plugin's
  --strategy-path JAR|DIR   a strategy plugin's jar, or a folder of them (repeatable)
  --strategy-param KEY=VALUE  a parameter of the strategy (repeatable)
  --list-strategies         print every known strategy with its parameters and their defaults
                            (those on --strategy-path too), and exit
  --max-position DECIMAL    risk: the largest position per symbol (default 0.05)
  --max-order-size DECIMAL  risk: the largest order (default: twice --max-position)
  --max-open-orders N       risk: order slots across all symbols (default 64)
  --strict                  the first malformed row is an error, not a counted skip
  --quiet                   no progress line
  --sidecar tcp://HOST:PORT forward to this external sidecar (any ZeroMQ PULL peer)
                            instead of launching the sidecar stub
  --run-id NAME             report folder name (default: a timestamp)
  --drain-timeout SECONDS   how long the sidecar gets to take everything at the end (default 10)
  --no-pin                  leave every thread to the operating system (default, with 2 or more
                            CPUs and no --cpus or --bot-arg=--trading-cpu given: the bot's
                            trading thread alone on the last CPU, everything else on the rest)
  --config FILE             run again as a past run ran: take every process's settings from its
                            config.yaml (perf/reports/<run-id>/config.yaml): the same data,
                            strategy, rate, ring sizes...; an option given here wins over the
                            file, and the run gets a report folder of its own
  --help                    this help

Any other option goes to the broker (bin/broker.sh --help lists them), for example
  --bot-arg=--ring-size=1024    --stub-arg=--delay-us=200    --ingest tcp://127.0.0.1:6556

Exit codes: 0 ok; 1 internal failure; 2 bad input (one line says what); 3 delivery of every
event cannot be proven (what was lost is counted in the report); 4 a launched process failed or
died mid-run (what it cost is counted); 5 the report could not be written (the account is
printed instead); 130 interrupted (a partial report is written).
USAGE
}

args=()
data=()
sidecar=()
reports=()
config=
list_strategies=
strategy_path=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --data) [ $# -ge 2 ] || ql_die "--data needs a FILE"; data+=(--data "$2"); shift 2 ;;
    --data=*) data+=(--data "${1#--data=}"); shift ;;
    --sidecar) [ $# -ge 2 ] || ql_die "--sidecar needs tcp://HOST:PORT"; sidecar=(--sidecar "$2"); shift 2 ;;
    --sidecar=*) sidecar=(--sidecar "${1#--sidecar=}"); shift ;;
    --config) [ $# -ge 2 ] || ql_die "--config needs a FILE"; config=$2; args+=("$1" "$2"); shift 2 ;;
    --config=*) config=${1#--config=}; args+=("$1"); shift ;;
    --list-strategies) list_strategies=1; shift ;;
    --strategy-path)
      [ $# -ge 2 ] || ql_die "--strategy-path needs a JAR or DIR"
      strategy_path+=("--strategy-path=$(ql_absolute "$2")"); shift 2 ;;
    --strategy-path=*) strategy_path+=("--strategy-path=$(ql_absolute "${1#--strategy-path=}")"); shift ;;
    --format|--symbol|--speed|--rate|--strategy|--strategy-param|--max-position|--max-order-size|--max-open-orders)
      [ $# -ge 2 ] || ql_die "$1 needs a value"; args+=("--bot-arg=$1=$2"); shift 2 ;;
    --format=*|--symbol=*|--speed=*|--rate=*|--strategy=*|--strategy-param=*|--max-position=*|--max-order-size=*|\
    --max-open-orders=*|--strict|--quiet)
      args+=("--bot-arg=$1"); shift ;;
    *) args+=("$1"); shift ;;
  esac
done

if [ -n "$list_strategies" ]; then
  ql_build_if_stale
  ql_java dev.quietloop.bot.BotMain --list-strategies ${strategy_path[@]+"${strategy_path[@]}"}
  exit
fi
for path in ${strategy_path[@]+"${strategy_path[@]}"}; do
  args+=("--bot-arg=$path")
done

if [ -n "$config" ]; then
  # A run's config.yaml holds that run's data, its stub or sidecar and its reports folder: they
  # stand, and only what is given here overrides them. The JVM flags stay the script's
  # (QL_JVM_OPTIONS): the broker's own JVM runs with them, and so must its children.
  [ ${#sidecar[@]} -eq 0 ] || sidecar+=(--launch-stub=false)
else
  [ ${#data[@]} -gt 0 ] || data=(--data "$QL_ROOT/data/sample-quotes.csv")
  [ ${#sidecar[@]} -gt 0 ] || sidecar=(--launch-stub)
  reports=(--reports "$QL_ROOT/perf/reports")
fi

ql_build_if_stale
ql_java dev.quietloop.broker.BrokerMain \
  --launch-bot ${data[@]+"${data[@]}"} ${sidecar[@]+"${sidecar[@]}"} \
  ${reports[@]+"${reports[@]}"} --jvm-options "$QL_JVM_OPTIONS" \
  ${args[@]+"${args[@]}"}
