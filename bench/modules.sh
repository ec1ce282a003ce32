#!/usr/bin/env bash
# Module work benchmark: the contacts and meetings modules as staff use them, on the distribution.
# Latency percentiles of the states list, the directory search and status changes; upload and
# download throughput of meeting documents (with their SHA-256); generation time of the list of
# participants (HTML, CSV, PDF) for a meeting with N participants; heap after a full GC.
# Needs `mvn install -DskipTests` first. Not run by mvn verify.
#
#   bench/modules.sh [requests] [upload MB] [participants]      (default 500 2 300)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/distribution/target/secretariat"
[ -x "$dist/bin/secretariat" ] || { echo "build first: mvn install -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
port=${BENCH_PORT:-18082}
password="bench-admin-password"
SECRETARIAT_DATA="$work/data" SECRETARIAT_PORT=$port SECRETARIAT_HOST=127.0.0.1 SECRETARIAT_ADMIN_PASSWORD=$password \
  SECRETARIAT_LOG_LEVEL=WARNING "$dist/bin/secretariat" >"$work/platform.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/platform/health" || true)" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/platform.log" >&2; exit 1; }
  sleep 0.2
done
javac -d "$work/classes" "$root"/bench/*.java
java -cp "$work/classes" ModulesBench "$port" "$password" "$pid" "${1:-500}" "${2:-2}" "${3:-300}"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
