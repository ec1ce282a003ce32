#!/usr/bin/env bash
# Boot benchmark: median time from `bin/secretariat` to /api/platform/health = 200, over N boots
# with an empty data folder (first start: installs the platform) and with a warm one (restart),
# plus RSS after boot and the bundle count. Not run by `mvn verify`; needs `mvn install` first.
#
#   bench/boot.sh [runs]      (default 5)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/distribution/target/secretariat"
[ -x "$dist/bin/secretariat" ] || { echo "build first: mvn install -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=${BENCH_PORT:-18080}

now() { date +%s.%N; }

boot_once() { # $1 = data folder; prints "seconds rss_kib bundles"
  local data=$1 log="$work/boot.log" start pid elapsed rss bundles
  start=$(now)
  SECRETARIAT_DATA="$data" SECRETARIAT_PORT=$port SECRETARIAT_HOST=127.0.0.1 "$dist/bin/secretariat" >"$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/platform/health" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "platform exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  elapsed=$(echo "$(now) - $start" | bc -l)
  sleep 1 # let the first request's work settle before reading memory
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  bundles=$(grep -o 'with [0-9]* bundles' "$log" | grep -o '[0-9]*' | tail -1)
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  printf '%.2f %s %s\n' "$elapsed" "$rss" "$bundles"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

: >"$work/empty"; : >"$work/warm"
for i in $(seq "$runs"); do
  rm -rf "$work/data"
  boot_once "$work/data" >>"$work/empty"
done
for i in $(seq "$runs"); do
  boot_once "$work/data" >>"$work/warm"
done

for kind in empty warm; do
  printf '%-6s data folder: boot to health 200 median %s s (runs: %s), RSS median %s MiB, %s bundles\n' "$kind" \
    "$(cut -d' ' -f1 "$work/$kind" | median)" "$(cut -d' ' -f1 "$work/$kind" | tr '\n' ' ')" \
    "$(cut -d' ' -f2 "$work/$kind" | median | awk '{printf "%.0f", $1/1024}')" "$(cut -d' ' -f3 "$work/$kind" | tail -1)"
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
