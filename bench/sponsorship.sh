#!/usr/bin/env bash
# Sponsorship benchmark: the selection proposal of a programme with 500 applications (p50/p99),
# one request at a time, with the meetings module installed (no contacts: states are codes, statuses given).
# Needs `mvn install -DskipTests` first. Not run by mvn verify.
#
#   bench/sponsorship.sh [requests] [applications] [earlier programmes]      (default 200, 500, 4)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/distribution/target/secretariat"
[ -x "$dist/bin/secretariat" ] || { echo "build first: mvn install -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
port=${BENCH_PORT:-18084}
password="bench-admin-password"
SECRETARIAT_DATA="$work/data" SECRETARIAT_PORT=$port SECRETARIAT_HOST=127.0.0.1 SECRETARIAT_ADMIN_PASSWORD=$password \
  SECRETARIAT_LOG_LEVEL=WARNING "$dist/bin/secretariat" >"$work/platform.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/platform/health" || true)" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/platform.log" >&2; exit 1; }
  sleep 0.2
done
javac -d "$work/classes" "$root"/bench/*.java
java -cp "$work/classes" SponsorshipBench "$port" "$password" "$pid" "${1:-200}" "${2:-500}" "${3:-4}"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
