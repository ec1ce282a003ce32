#!/usr/bin/env bash
# Swap under load: 32 clients on two modules while one is upgraded and rolled back 50 times.
# Prints failed requests (aim 0), time from command to new version serving (aim <= 1 s), p99 latency
# during swaps vs steady state, heap after full GC before and after (aim <= 2 MB growth).
# Needs `mvn install -DskipTests` first (the distribution and the fixture modules). Not run by mvn verify.
#
#   bench/swap.sh [clients] [cycles] [steady seconds]      (default 32 50 10)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/distribution/target/secretariat"
fixtures="$root/integration-tests/fixtures"
[ -x "$dist/bin/secretariat" ] && [ -d "$fixtures/notes-v2/target/repository" ] || { echo "build first: mvn install -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$dist" "$work/secretariat"
repos=""
for f in notes notes-v2 greeter-module-formal greeter-module-casual welcome; do
  repos="$repos${repos:+,}\"$fixtures/$f/target/repository\""
done
echo "repositories=[$repos]" > "$work/secretariat/etc/org.secretariat.modules.config"
port=${BENCH_PORT:-18081}
password="bench-admin-password"
SECRETARIAT_DATA="$work/data" SECRETARIAT_PORT=$port SECRETARIAT_HOST=127.0.0.1 SECRETARIAT_ADMIN_PASSWORD=$password \
  SECRETARIAT_LOG_LEVEL=WARNING "$work/secretariat/bin/secretariat" >"$work/platform.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/platform/health" || true)" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/platform.log" >&2; exit 1; }
  sleep 0.2
done
# The launcher execs java, so $pid is the platform JVM.
javac -d "$work/classes" "$root"/bench/*.java
java -cp "$work/classes" SwapBench "$port" "$password" "$pid" "${1:-32}" "${2:-50}" "${3:-10}"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
