# Sourced by every bin/ script: where things are, the shared JVM flags, and build-if-stale.
# shellcheck shell=bash

QL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QL_LIB="$QL_ROOT/dist/target/lib"
# The one file of JVM flags (Chronicle's --add-opens/--add-exports, GC, safepoints) shared by
# scripts, tests and benchmarks. Override with QL_JVM_OPTIONS=FILE.
QL_JVM_OPTIONS="${QL_JVM_OPTIONS:-$QL_ROOT/config/jvm.options}"
QL_JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

ql_die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# Prints PATH made absolute (against the current folder), whether or not it exists: a child
# process may run elsewhere.
ql_absolute() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$PWD/$1" ;;
  esac
}

# Stops the script with one line when there is no java to run.
ql_require_java() {
  command -v "$QL_JAVA" >/dev/null 2>&1 || ql_die "no java found: install a JDK 17 or newer (or set JAVA_HOME)"
}

# Prints the first pom or main source file newer than STAMP, or nothing. Target folders, .git,
# perf/reports, examples/ (projects of their own) and the paths given after STAMP are not searched.
ql_newer_source() {
  local stamp=$1 skip path
  shift
  skip=(-path "$QL_ROOT/.git" -o -name target -o -path "$QL_ROOT/perf/reports" -o -path "$QL_ROOT/examples")
  for path in "$@"; do
    skip+=(-o -path "$path")
  done
  find "$QL_ROOT" \( "${skip[@]}" \) -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -type f \
    -newer "$stamp" -print -quit
}

# Prints why dist/target/lib needs building ("first run", "sources changed"), or nothing: it does
# when it is missing, or older than any pom or main source file of the modules it holds (perf is
# not one of them). The dist module writes lib/build-stamp on every package, after everything else.
ql_stale_reason() {
  local stamp="$QL_LIB/build-stamp"
  if [ ! -f "$stamp" ]; then
    echo "first run"
  elif [ -n "$(ql_newer_source "$stamp" "$QL_ROOT/perf")" ]; then
    echo "sources changed"
  fi
}

# ql_build MODULES REASON: packages MODULES (a list as Maven's -pl takes it, such as dist,perf) and
# the modules they need, in one Maven run; its output is shown only if it fails, and then the
# script exits.
ql_build() {
  local modules=$1 reason=$2 log
  echo "$(basename "$0"): building quietloop ($reason)..." >&2
  log=$(mktemp)
  if ! (cd "$QL_ROOT" && ./mvnw -q -B -DskipTests -pl "$modules" -am package) >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "$(basename "$0"): build failed" >&2
    exit 1
  fi
  rm -f "$log"
}

# Builds dist/target/lib when it is stale (see ql_stale_reason).
ql_build_if_stale() {
  ql_require_java
  local stale
  stale=$(ql_stale_reason)
  if [ -n "$stale" ]; then
    ql_build dist "$stale"
  fi
}

# Runs a main class on the built class path with the shared JVM flags.
ql_java() {
  local main=$1
  shift
  exec "$QL_JAVA" "@$QL_JVM_OPTIONS" -cp "$QL_LIB/*" "$main" "$@"
}
