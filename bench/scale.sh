#!/usr/bin/env bash
# Scale benchmark: fifteen years of a unit's data (issue 20) and the main lists and searches over it.
# At scale 1: 100 000 people (imported from one CSV file, streamed), 2 000 organisations, 108 000 positions,
# 300 meetings, 30 000 participants (a tenth at one meeting), 20 000 documents with a small file in each of
# three languages, and the audit events those writes leave (about 200 000); loaded through the REST API by
# 4 clients, each a staff user of its own. Then p50/p99 of each list and search, one client.
# Needs `mvn install -DskipTests` first. Not run by mvn verify.
#
#   bench/scale.sh [scale] [requests]                     (default 1 200) in a temporary folder, removed after
#   bench/scale.sh --data DIR [scale] [requests]          keeps the data folder in DIR: loads it if DIR has none,
#                                                         else measures what is there (the scale argument is then ignored)
#   BENCH_XMX=256m bench/scale.sh ...                     the platform with that largest heap (the import's bound)
#   BENCH_IMPORT_ONLY=1 BENCH_XMX=96m bench/scale.sh 1      only the import of the people, then stop (the heap's bound)
#   BENCH_NEW_CODE=1 bench/scale.sh --data DIR ...        forget DIR's bundle cache first, so the distribution's
#                                                         current bundles run on the kept database
set -euo pipefail
{ # read whole before running: an edit of this file during a run does not change the run
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/distribution/target/secretariat"
[ -x "$dist/bin/secretariat" ] || { echo "build first: mvn install -DskipTests" >&2; exit 2; }
keep=""
if [ "${1:-}" = "--data" ]; then
  keep=$(mkdir -p "$2" && cd "$2" && pwd); shift 2
fi
scale=${1:-1}
requests=${2:-200}
work=$(mktemp -d)
folder=${keep:-$work}
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
if [ -n "${BENCH_NEW_CODE:-}" ] && [ -d "$folder/data/cache" ]; then
  # a first start again on the kept database; the installed modules come back from their kept copies in
  # data/modules, which get the distribution's jars of the same version first (the code being measured)
  rm -rf "$folder/data/cache"
  for jar in "$folder"/data/modules/*/*/org/secretariat/*/*/*.jar; do
    fresh="$dist/modules/${jar#"$folder"/data/modules/*/*/}"
    [ -f "$fresh" ] && cp "$fresh" "$jar"
  done
fi
port=${BENCH_PORT:-18200}
password="bench-admin-password"
opts="-XX:+UseSerialGC -Xss512k -Xms32m -XX:MaxRAMPercentage=25"
[ -n "${BENCH_XMX:-}" ] && opts="-XX:+UseSerialGC -Xss512k -Xms32m -Xmx$BENCH_XMX"
SECRETARIAT_DATA="$folder/data" SECRETARIAT_PORT=$port SECRETARIAT_HOST=127.0.0.1 SECRETARIAT_ADMIN_PASSWORD=$password \
  SECRETARIAT_JAVA_OPTS="$opts" SECRETARIAT_LOG_LEVEL=WARNING "$dist/bin/secretariat" >>"$folder/platform.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/platform/health" || true)" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { tail -50 "$folder/platform.log" >&2; exit 1; }
  sleep 0.2
done
javac -d "$work/classes" "$root"/bench/*.java
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$work/classes" ScaleBench "$port" "$password" "$pid" "$folder" "$scale" "$requests"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
du -sh "$folder/data/db" "$folder/data/files" 2>/dev/null || true
exit
}
