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

# Builds dist/target/lib when it is missing, or older than any pom or main source file: the
# dist module writes lib/build-stamp on every package, after everything else is built.
ql_build_if_stale() {
  command -v "$QL_JAVA" >/dev/null 2>&1 || ql_die "no java found: install a JDK 17 or newer (or set JAVA_HOME)"
  local stamp="$QL_LIB/build-stamp" stale=""
  if [ ! -f "$stamp" ]; then
    stale="first run"
  elif [ -n "$(find "$QL_ROOT" \( -path "$QL_ROOT/.git" -o -name target -o -path "$QL_ROOT/perf/reports" \) -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$stamp" -print -quit)" ]; then
    stale="sources changed"
  fi
  if [ -n "$stale" ]; then
    echo "$(basename "$0"): building quietloop ($stale)..." >&2
    local log
    log=$(mktemp)
    if ! (cd "$QL_ROOT" && ./mvnw -q -B -DskipTests -pl dist -am package) >"$log" 2>&1; then
      cat "$log" >&2
      rm -f "$log"
      echo "$(basename "$0"): build failed" >&2
      exit 1
    fi
    rm -f "$log"
  fi
}

# Runs a main class on the built class path with the shared JVM flags.
ql_java() {
  local main=$1
  shift
  exec "$QL_JAVA" "@$QL_JVM_OPTIONS" -cp "$QL_LIB/*" "$main" "$@"
}
