#!/usr/bin/env bash
# REST benchmark: the full /api path against a plain HTTP-whiteboard servlet answering the same bytes,
# with wrk (Debian package). Two pairs, alternated `rounds` times (default 3), each measure after a
# warm-up of every path:
#   public:  GET /api/platform/profile (public, stable body: the convention profile) through the access
#            filter, the traffic gate, CXF and the JSON provider, against the bench-plain fixture servlet
#            answering a copy of its bytes;
#   list:    GET /api/contacts/states?size=50 with an API token (Authorization: Bearer), against the same
#            servlet answering a copy of that list (sent the same header).
# Prints req/s, p50 and p99 of each measure, the ratio api/plain of each pair and the median ratios.
# Needs `mvn install -DskipTests` first (the distribution and the bench-plain fixture); builds nothing.
# Not run by mvn verify.
#
#   bench/rest.sh [seconds] [connections]      (default 10 s per measure, 32 connections, at most 32)
#
#   BENCH_PORT    the platform's HTTP port (default 18087)
#   BENCH_ROUNDS  how many times each pair is measured (default 3; the order within a pair alternates)
#   BENCH_JFR     a file prefix: after the measured rounds, one more round of each of the four paths
#                 under Java Flight Recorder (settings=profile), written to <prefix>-<path>.jfr
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/distribution/target/secretariat"
fixtures="$root/integration-tests/fixtures/bench-plain/target/repository"
[ -x "$dist/bin/secretariat" ] || { echo "build first: mvn install -DskipTests" >&2; exit 2; }
[ -d "$fixtures" ] || { echo "build the fixtures first: mvn install -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
seconds=${1:-10}
connections=${2:-32}
rounds=${BENCH_ROUNDS:-3}
[ "$connections" -ge 1 ] && [ "$connections" -le 32 ] || { echo "connections: 1 to 32" >&2; exit 2; }
[ "$seconds" -ge 1 ] && [ "$seconds" -le 120 ] || { echo "seconds: 1 to 120" >&2; exit 2; }
port=${BENCH_PORT:-18087}
base="http://127.0.0.1:$port"
password="bench-admin-password"
work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

SECRETARIAT_DATA="$work/data" SECRETARIAT_PORT=$port SECRETARIAT_HOST=127.0.0.1 SECRETARIAT_ADMIN_PASSWORD=$password \
  SECRETARIAT_LOG_LEVEL=WARNING "$dist/bin/secretariat" >"$work/platform.log" 2>&1 &
pid=$!
deadline=$((SECONDS + 180))
until [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$base/api/platform/health" || true)" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/platform.log" >&2; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "no health after 180 s" >&2; exit 1; }
  sleep 0.2
done

# An administrator's session: the fixture repository beside the shipped one, contacts and bench-plain
# installed, and an API token (the administrator holds contacts.state.read by default).
csrf=$(curl -sf -m 30 -c "$work/cookies" -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$password\"}" \
  "$base/api/platform/session" | sed 's/.*"csrfToken":"\([^"]*\)".*/\1/')
call() { curl -sf -m 120 -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' "$@"; }
call -X PUT -d "{\"repositories\":[\"$fixtures\"],\"mavenRepositories\":[],\"mavenModules\":[]}" "$base/api/platform/modules/repositories" >/dev/null
for module in contacts bench-plain; do
  call -X POST "$base/api/platform/modules/$module/install" >/dev/null
done
token=$(call -d "{\"name\":\"bench\",\"expiresAt\":\"$(date -u -d tomorrow +%Y-%m-%dT%H:%M:%SZ)\"}" "$base/api/platform/tokens" \
  | sed 's/.*"token":"\([^"]*\)".*/\1/')
bearer="Authorization: Bearer $token"

public_path="/api/platform/profile"
list_path="/api/contacts/states?size=50"

# The plain servlet takes a copy of an API answer (as the bench's client gets it), checked byte for byte.
# The public GET is sent anonymously, the list with the token; each plain measure sends what its API twin does.
header_of() { [ "$1" = "$list_path" ] && echo "$bearer" || echo "X-Bench: anonymous"; }
copy() { # $1 = API path
  local header; header=$(header_of "$1")
  curl -sf -m 30 -H "$header" -G --data-urlencode "path=$1" "$base/bench/plain/copy" >/dev/null
  curl -sf -m 30 -H "$header" "$base$1" >"$work/api.body"
  curl -sf -m 30 -H "$header" "$base/bench/plain" >"$work/plain.body"
  cmp -s "$work/api.body" "$work/plain.body" || { echo "the plain servlet's copy of $1 differs" >&2; exit 1; }
  echo "$(wc -c <"$work/api.body")"
}

# One wrk measure: "req/s p50(ms) p99(ms) non-2xx+errors".
measure() { # $1 = URL, $2 = seconds, $3 = a request header
  wrk -t2 -c"$connections" -d"$2s" --timeout 5s --latency -H "$3" "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=ms($2)} /^ +99%/ {p99=ms($2)}
    /Non-2xx/ {bad+=$NF} /Socket errors/ {gsub(/,/, ""); bad+=$4+$6+$8+$10}
    END {printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad}'
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "public: $public_path ($(copy "$public_path") bytes); list: $list_path ($(copy "$list_path") bytes), token holder: admin"
echo "wrk -t2 -c$connections, ${seconds} s per measure, $rounds rounds; warm-up 2 × 4 s on each path"
# Warm-up: the JIT compiles CXF's and the platform's paths over several seconds; twice round every path.
for _ in 1 2; do
  for path in "$public_path" "$list_path"; do
    copy "$path" >/dev/null
    measure "$base$path" 4 "$(header_of "$path")" >/dev/null
    measure "$base/bench/plain" 4 "$(header_of "$path")" >/dev/null
  done
done

: >"$work/results"
printf '%-6s %-5s %-6s %9s %9s %9s %7s\n' round pair path "req/s" "p50 ms" "p99 ms" errors
for round in $(seq "$rounds"); do
  for pair in public list; do
    path=$public_path; [ $pair = list ] && path=$list_path
    copy "$path" >/dev/null
    order="api plain"; [ $((round % 2)) = 0 ] && order="plain api"
    for which in $order; do
      url="$base$path"; [ $which = plain ] && url="$base/bench/plain"
      read -r rps p50 p99 bad < <(measure "$url" "$seconds" "$(header_of "$path")")
      printf '%-6s %-5s %-6s %9s %9s %9s %7s\n' "$round" "$pair" "$which" "$rps" "$p50" "$p99" "$bad"
      echo "$round $pair $which $rps $p50 $p99 $bad" >>"$work/results"
    done
  done
done

echo
for pair in public list; do
  ratios=$(awk -v p=$pair '$2 == p {r[$1 " " $3] = $4; if ($1 > n) n = $1} END {for (k = 1; k <= n; k++) printf "%.3f\n", r[k " api"] / r[k " plain"]}' "$work/results")
  for which in api plain; do
    col() { awk -v p=$pair -v w=$which -v c="$1" '$2 == p && $3 == w {print $c}' "$work/results" | median; }
    printf '%-6s %-5s median %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms\n' "$pair" "$which" "$(col 4)" "$(col 5)" "$(col 6)"
  done
  echo "$pair: ratio api/plain per round: $(echo $ratios | tr '\n' ' ')-> median $(echo "$ratios" | median)"
done
errors=$(awk '{s += $7} END {print s + 0}' "$work/results")
echo "errors or non-2xx answers: $errors"

if [ -n "${BENCH_JFR:-}" ]; then
  for pair in public list; do
    path=$public_path; [ $pair = list ] && path=$list_path
    copy "$path" >/dev/null
    for which in api plain; do
      url="$base$path"; [ $which = plain ] && url="$base/bench/plain"
      jcmd "$pid" JFR.start name=bench settings=profile >/dev/null
      measure "$url" "$seconds" "$(header_of "$path")" >/dev/null
      jcmd "$pid" JFR.stop name=bench filename="$(realpath -m "$BENCH_JFR")-$pair-$which.jfr" >/dev/null
      echo "recorded $BENCH_JFR-$pair-$which.jfr"
    done
  done
fi
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; wrk shares the cores"
