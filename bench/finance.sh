#!/usr/bin/env bash
# Finance benchmark: assessments of 193 states and the status of contributions with ten years kept.
# Latency percentiles (one request at a time) of assessment dry runs by both formulas and of the
# status of contributions of one year, with 193 states assessed and paying over ten years; heap after GC.
# Needs `mvn install -DskipTests` first. Not run by mvn verify.
#
#   bench/finance.sh [requests]      (default 200)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/distribution/target/secretariat"
[ -x "$dist/bin/secretariat" ] || { echo "build first: mvn install -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
port=${BENCH_PORT:-18083}
password="bench-admin-password"
SECRETARIAT_DATA="$work/data" SECRETARIAT_PORT=$port SECRETARIAT_HOST=127.0.0.1 SECRETARIAT_ADMIN_PASSWORD=$password \
  SECRETARIAT_LOG_LEVEL=WARNING "$dist/bin/secretariat" >"$work/platform.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/platform/health" || true)" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/platform.log" >&2; exit 1; }
  sleep 0.2
done
javac -d "$work/classes" "$root"/bench/*.java
java -cp "$work/classes" FinanceBench "$port" "$password" "$pid" "${1:-200}"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
