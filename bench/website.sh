#!/usr/bin/env bash
# Website benchmark: the public site under 32 clients against a plain servlet answering the same bytes.
# Requests/s, p50 and p99 of a cached public page and of a meeting page (contacts, meetings, website
# installed), each beside the bench-plain fixture servlet serving a copy of its bytes; heap after GC.
# Needs `mvn install -DskipTests` first. Not run by mvn verify.
#
#   bench/website.sh [clients] [seconds]      (default 32 clients, 10 s per measure)
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
fixtures="$root/integration-tests/fixtures/bench-plain/target/repository"
[ -d "$fixtures" ] || { echo "build the fixtures first: mvn install -DskipTests" >&2; exit 2; }
java -cp "$work/classes" WebsiteBench "$port" "$password" "$pid" "$fixtures" "${1:-32}" "${2:-10}"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
