#!/usr/bin/env bash
# Two nodes on one PostgreSQL database behind nginx: requests/s through nginx with one node and with
# two (wrk, an authenticated GET of a meeting), and the time from an install on node A to node B
# serving the module. PostgreSQL, nginx and wrk from Debian's packages (apt-get install postgresql
# nginx wrk). Needs `mvn install -DskipTests` first. Not run by mvn verify.
#
#   bench/cluster.sh [seconds per run] [connections]      (default 20 16)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/distribution/target/secretariat"
[ -x "$dist/bin/secretariat" ] || { echo "build first: mvn install -DskipTests" >&2; exit 2; }
for tool in wrk /usr/sbin/nginx; do command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install postgresql nginx wrk)" >&2; exit 2; }; done
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
seconds=${1:-20}
connections=${2:-16}
work=$(mktemp -d)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  as_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres "$work"
pgport=${BENCH_PG_PORT:-15432}
as_pg "$pgbin/initdb" -D "$work/pg" -A trust -U secretariat -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
"$pgbin/psql" -q -h 127.0.0.1 -p "$pgport" -U secretariat -d postgres -c "CREATE DATABASE bench TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'"
password="bench-admin-password"
ports=(${BENCH_PORT_A:-18091} ${BENCH_PORT_B:-18092})
for i in 0 1; do
  mkdir -p "$work/node$i"
  SECRETARIAT_NODE="node-$i" SECRETARIAT_DATA="$work/node$i" SECRETARIAT_PORT=${ports[$i]} SECRETARIAT_HOST=127.0.0.1 \
    SECRETARIAT_JDBC_URL="jdbc:postgresql://127.0.0.1:$pgport/bench" SECRETARIAT_JDBC_USER=secretariat \
    SECRETARIAT_ADMIN_PASSWORD=$password SECRETARIAT_LOG_LEVEL=WARNING "$dist/bin/secretariat" >"$work/node$i.log" 2>&1 &
  pids+=($!)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${ports[$i]}/api/platform/health" || true)" = 200 ]; do sleep 0.2; done
done
a="http://127.0.0.1:${ports[0]}"
b="http://127.0.0.1:${ports[1]}"
csrf=$(curl -s -c "$work/cookies" -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$a/api/platform/session" | sed 's/.*"csrfToken":"\([^"]*\)".*/\1/')
call() { curl -s -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' "$@"; }
token=$(call -d "{\"name\":\"bench\",\"expiresAt\":\"$(date -u -d tomorrow +%Y-%m-%dT%H:%M:%SZ)\"}" "$a/api/platform/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')

# Install on A, then poll B's health every 20 ms until it runs the module.
start=$(date +%s%N)
call -X POST "$a/api/platform/modules/meetings/install" >/dev/null
answered=$(date +%s%N)
until curl -s "$b/api/platform/health" | grep -q '"id":"meetings"'; do sleep 0.02; done
served=$(date +%s%N)
echo "install of meetings on node A: answered in $(( (answered - start) / 1000000 )) ms; node B served it $(( (served - answered) / 1000000 )) ms later"
meeting=$(call -d '{"type":"MSP","number":14,"title":"Bench meeting","startDate":"2026-09-12","endDate":"2026-09-16","venue":"Geneva"}' "$a/api/meetings" | sed 's/.*"id":\([0-9]*\).*/\1/' )

nginx_with() {
  [ -f "$work/nginx.pid" ] && { kill "$(cat "$work/nginx.pid")"; sleep 0.5; }
  { [ "$(id -u)" = 0 ] && echo "user root;"; echo "worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log warn;"
    echo "events { worker_connections 1024; } http { access_log off; client_body_temp_path $work/nb; proxy_temp_path $work/np;"
    echo "upstream s {"; for p in "$@"; do echo "server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"; done; echo "keepalive 64; }"
    echo "server { listen 127.0.0.1:${BENCH_NGINX_PORT:-18090}; location / { proxy_pass http://s; proxy_http_version 1.1; proxy_set_header Connection \"\"; } } }"
  } > "$work/nginx.conf"
  /usr/sbin/nginx -p "$work" -c "$work/nginx.conf"
  sleep 0.5
}
run() {
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:${BENCH_NGINX_PORT:-18090}/api/meetings/$meeting" \
    | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "%s %s %s %s\n", rps, p50, p99, (bad==""?0:bad)}'
}
nginx_with "${ports[0]}"; run >/dev/null   # warm-up of node A
nginx_with "${ports[1]}"; run >/dev/null   # warm-up of node B
nginx_with "${ports[0]}"; read -r one p50one p99one badone < <(run)
nginx_with "${ports[0]}" "${ports[1]}"; read -r two p50two p99two badtwo < <(run)
echo "through nginx, $connections connections, ${seconds} s: one node $one req/s (p50 $p50one, p99 $p99one, non-2xx $badone); two nodes $two req/s (p50 $p50two, p99 $p99two, non-2xx $badtwo)"
echo "ratio two/one: $(awk -v a="$two" -v b="$one" 'BEGIN {printf "%.2f", a/b}')"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); both nodes, PostgreSQL, nginx and wrk share them"
