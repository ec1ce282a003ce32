#!/usr/bin/env bash
# Start-up against the peer: Apache Karaf 4.4.10 with the same runtime pieces (its default features
# plus scr, http, the Aries JAX-RS whiteboard with Jackson and a one-resource bundle built here)
# against our distribution with contacts and meetings installed, started alternately on one machine.
# For each start: time from process start to the first HTTP 200 (Karaf: the resource; ours:
# /api/platform/health), and RSS and CPU seconds of the JVM at that moment (/proc/<pid>/status and
# /proc/<pid>/stat). Prints medians and the paired ratio ours/Karaf (median of the per-pair ratios):
# absolute times move from machine to machine, the ratio measured side by side is what holds.
# First starts (a fresh Karaf copy, an empty data folder) and warm starts (restarts of the same).
# Needs `mvn install -DskipTests` first, and Maven Central reachable: for the Karaf archive the first
# time (then ~/.m2 has it), and on every run for the feature bundles Karaf's own resolver fetches into
# the run's work folder during one unmeasured start. Not run by mvn verify.
#
#   bench/karaf.sh [warm runs] [first-start runs]      (default 5 3)
set -euo pipefail
runs=${1:-5}
first_runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/distribution/target/secretariat"
[ -x "$dist/bin/secretariat" ] || { echo "build first: mvn install -DskipTests" >&2; exit 2; }
for tool in mvn javac jar curl flock; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
karaf_version=4.4.10
aries_version=2.0.2
# The Aries features XML names CXF's features without their repository: CXF's, in the version the
# whiteboard 2.0.2 is built on (the one we ship too).
cxf_version=3.5.5
timeout=120
port=${BENCH_PORT:-18085}              # ours
kport=${BENCH_KARAF_PORT:-18086}       # Karaf's HTTP; its SSH and JMX take the next three ports
password="bench-admin-password"
# Both JVMs from the same Java: Karaf's launcher and ours both honour JAVA_HOME.
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
export JAVA_HOME
java="$JAVA_HOME/bin/java"

work=$(mktemp -d)
pid=""
stop() { # stops the JVM started last: SIGTERM (both shut down cleanly on it), SIGKILL after 60 s
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
}
trap 'stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
hz=$(getconf CLK_TCK)
now() { date +%s%N; }

# --- Karaf: the archive through Maven, configured as an administrator would -------------------------
echo "fetching Apache Karaf $karaf_version (mvn dependency:copy)"
fetch() { flock "${BENCH_MVN_LOCK:-/tmp/mvn.lock}" mvn -B -q "$@" dependency:copy -Dartifact="org.apache.karaf:apache-karaf:$karaf_version:tar.gz" -DoutputDirectory="$work" >"$work/mvn.log" 2>&1; }
fetch -o || fetch || { cat "$work/mvn.log" >&2; exit 1; }
tar xzf "$work/apache-karaf-$karaf_version.tar.gz" -C "$work"
template="$work/karaf-template"
mv "$work/apache-karaf-$karaf_version" "$template"

# The one-resource bundle: a JSON GET registered by an activator as a JAX-RS whiteboard resource that
# waits for the Jackson extension (so the first 200 is a JSON answer through the whole stack).
src="$work/hello-src"
mkdir -p "$src/bench/karaf" "$work/hello-classes/META-INF"
cat >"$src/bench/karaf/HelloResource.java" <<'EOF'
package bench.karaf;

import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

@Path("bench")
public class HelloResource {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> hello() {
        return Map.of("status", "UP", "server", "karaf");
    }
}
EOF
cat >"$src/bench/karaf/Activator.java" <<'EOF'
package bench.karaf;

import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

public class Activator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jaxrs.resource", Boolean.TRUE);
        properties.put("osgi.jaxrs.extension.select", "(osgi.jaxrs.media.type=application/json)");
        context.registerService(HelloResource.class, new HelloResource(), properties);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
EOF
cat >"$work/hello.mf" <<'EOF'
Bundle-ManifestVersion: 2
Bundle-SymbolicName: bench.karaf.hello
Bundle-Version: 1.0.0
Bundle-Activator: bench.karaf.Activator
Import-Package: javax.ws.rs;version="[2,3)",javax.ws.rs.core;version="[2,3)",org.osgi.framework;version="[1.8,2)"
EOF
jaxrs_api=$(find "$dist/system" -name 'geronimo-jaxrs_2.1_spec-*.jar' | head -1)
felix=$(find "$template/system/org/apache/felix/org.apache.felix.framework" -name '*.jar' | head -1)
javac --release 11 -nowarn -d "$work/hello-classes" -cp "$jaxrs_api:$felix" "$src"/bench/karaf/*.java
bench_repo="$template/system/bench/karaf"
mkdir -p "$bench_repo/hello/1.0.0" "$bench_repo/features/1.0.0"
jar cfm "$bench_repo/hello/1.0.0/hello-1.0.0.jar" "$work/hello.mf" -C "$work/hello-classes" .
# Karaf's way to add features: a features repository (here in its system/ folder, as a custom
# assembly would put it), referring to the Aries JAX-RS whiteboard's own features repository.
cat >"$bench_repo/features/1.0.0/features-1.0.0-features.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<features name="bench-karaf-1.0.0" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
  <repository>mvn:org.apache.aries.jax.rs/org.apache.aries.jax.rs.features/$aries_version/xml</repository>
  <repository>mvn:org.apache.cxf.karaf/apache-cxf/$cxf_version/xml/features</repository>
  <feature name="bench-hello" version="1.0.0">
    <feature>scr</feature>
    <feature>http</feature>
    <feature>aries-jax-rs-whiteboard</feature>
    <feature>aries-jax-rs-whiteboard-jackson</feature>
    <bundle>mvn:bench.karaf/hello/1.0.0</bundle>
  </feature>
</features>
EOF
sed -i -e "s#^\(    mvn:org.apache.karaf.features/specs/$karaf_version/xml/features\)\$#\1, \\\\\n    mvn:bench.karaf/features/1.0.0/xml/features#" \
  -e "s#^\(    kar/$karaf_version\)\$#\1, \\\\\n    bench-hello/1.0.0#" "$template/etc/org.apache.karaf.features.cfg"
grep -q 'bench-hello' "$template/etc/org.apache.karaf.features.cfg" && grep -q 'bench.karaf/features' "$template/etc/org.apache.karaf.features.cfg" \
  || { echo "could not add the bench features to etc/org.apache.karaf.features.cfg" >&2; exit 1; }
sed -i -e "s/^sshPort *=.*/sshPort = $((kport + 1))/" -e "s/^sshHost *=.*/sshHost = 127.0.0.1/" "$template/etc/org.apache.karaf.shell.cfg"
sed -i -e "s/^rmiRegistryPort *=.*/rmiRegistryPort = $((kport + 2))/" -e "s/^rmiServerPort *=.*/rmiServerPort = $((kport + 3))/" \
  "$template/etc/org.apache.karaf.management.cfg"
printf 'org.osgi.service.http.port = %s\norg.ops4j.pax.web.listening.addresses = 127.0.0.1\n' "$kport" >"$template/etc/org.ops4j.pax.web.cfg"
# Feature bundles Karaf's resolver downloads go to a repository of this run, not ~/.m2.
echo "org.ops4j.pax.url.mvn.localRepository = $work/karaf-m2" >>"$template/etc/org.ops4j.pax.url.mvn.cfg"
karaf_url="http://127.0.0.1:$kport/bench"
ours_url="http://127.0.0.1:$port/api/platform/health"

# --- one measured start --------------------------------------------------------------------------
# boot URL LOG LIMIT COMMAND...: starts COMMAND (which must exec the JVM, so $! is the JVM), polls URL
# every 50 ms until it answers 200, reads the JVM's RSS and CPU time at once and prints
# "seconds rss_kib cpu_seconds". The JVM keeps running (stop ends it).
boot() {
  local url=$1 log=$2 limit=$3 start deadline elapsed rss cpu
  shift 3
  start=$(now)
  deadline=$((start + limit * 1000000000))
  "$@" >"$log" 2>&1 </dev/null &
  pid=$!
  until [ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url" || true)" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "exited before answering $url:" >&2; tail -40 "$log" >&2; exit 1; fi
    if [ "$(now)" -gt "$deadline" ]; then echo "no 200 from $url within $limit s:" >&2; tail -40 "$log" >&2; exit 1; fi
    sleep 0.05
  done
  elapsed=$(( $(now) - start ))
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  # utime and stime are fields 14 and 15 of /proc/<pid>/stat, counted after the command's name
  cpu=$(sed 's/^.*) //' "/proc/$pid/stat" | awk -v hz="$hz" '{printf "%.2f", ($12 + $13) / hz}')
  [ "$(cat "/proc/$pid/comm")" = java ] || { echo "process $pid is not the JVM" >&2; exit 1; }
  awk -v ns="$elapsed" -v rss="$rss" -v cpu="$cpu" 'BEGIN {printf "%.2f %s %s\n", ns / 1e9, rss, cpu}'
}
karaf() { # KARAF_HOME LOG LIMIT
  boot "$karaf_url" "$2" "$3" env KARAF_HOME="$1" KARAF_BASE="$1" "$1/bin/karaf" daemon
}
ours() { # DATA LOG
  boot "$ours_url" "$2" "$timeout" env SECRETARIAT_DATA="$1" SECRETARIAT_PORT="$port" SECRETARIAT_HOST=127.0.0.1 \
    SECRETARIAT_ADMIN_PASSWORD="$password" SECRETARIAT_CONSOLE=none "$dist/bin/secretariat"
}
expect() { # URL PATTERN...: the running JVM's answer holds every pattern (read after the measure)
  local url=$1 body
  shift
  body=$(curl -s --max-time 5 "$url")
  for pattern in "$@"; do
    grep -q -- "$pattern" <<<"$body" || { echo "$url answered without $pattern: $body" >&2; exit 1; }
  done
}
karaf_bundles() { find "$1/data/cache" -maxdepth 1 -name 'bundle[0-9]*' | wc -l | awk '{print $1 - 1}'; } # less the framework
ours_bundles() { grep -o 'with [0-9]* bundles' "$1" | grep -o '[0-9]*' | tail -1; }
install_modules() { # logs in and installs contacts and meetings; each install returns once the module serves
  local csrf
  csrf=$(curl -s -c "$work/cookies" -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$port/api/platform/session" | sed 's/.*"csrfToken":"\([^"]*\)".*/\1/')
  for module in contacts meetings; do
    [ "$(curl -s -o "$work/install.json" -w '%{http_code}' -b "$work/cookies" -H "X-CSRF-Token: $csrf" -X POST \
      "http://127.0.0.1:$port/api/platform/modules/$module/install")" = 200 ] || { echo "install of $module failed:" >&2; cat "$work/install.json" >&2; exit 1; }
  done
}

# --- provisioning: one start that lets Karaf download its feature bundles (not measured) ---------
echo "provisioning Karaf's features (its resolver downloads the bundles once)"
cp -a "$template" "$work/karaf-provision"
karaf "$work/karaf-provision" "$work/karaf-provision.log" 600 >/dev/null
expect "$karaf_url" '"server":"karaf"'
echo "Karaf answers GET /bench with $(curl -s "$karaf_url")"
stop
rm -rf "$work/karaf-provision"

# --- first starts, alternating; the last Karaf copy and data folder are kept for the warm starts ----
: >"$work/karaf-first"; : >"$work/ours-first"; : >"$work/ours-install"
for i in $(seq "$first_runs"); do
  rm -rf "$work/karaf" "$work/data"
  cp -a "$template" "$work/karaf"
  for who in $( [ $((i % 2)) = 1 ] && echo "karaf ours" || echo "ours karaf"); do
    if [ "$who" = karaf ]; then
      karaf "$work/karaf" "$work/karaf.log" "$timeout" >>"$work/karaf-first"
      expect "$karaf_url" '"server":"karaf"'
      kbundles=$(karaf_bundles "$work/karaf")
    else
      ours "$work/data" "$work/ours.log" >>"$work/ours-first"
      obundles=$(ours_bundles "$work/ours.log")
      start=$(now)
      install_modules
      expect "$ours_url" '"id":"contacts"' '"id":"meetings"'
      echo "$(( $(now) - start ))" | awk '{printf "%.2f\n", $1 / 1e9}' >>"$work/ours-install"
    fi
    stop
  done
  echo "first start $i/$first_runs: Karaf $(tail -1 "$work/karaf-first"), ours $(tail -1 "$work/ours-first") (s, RSS KiB, CPU s)"
done

# --- warm starts, alternating ----------------------------------------------------------------------
: >"$work/karaf-warm"; : >"$work/ours-warm"
for i in $(seq "$runs"); do
  for who in $( [ $((i % 2)) = 1 ] && echo "karaf ours" || echo "ours karaf"); do
    if [ "$who" = karaf ]; then
      karaf "$work/karaf" "$work/karaf.log" "$timeout" >>"$work/karaf-warm"
      expect "$karaf_url" '"server":"karaf"'
    else
      ours "$work/data" "$work/ours.log" >>"$work/ours-warm"
      expect "$ours_url" '"id":"contacts"' '"id":"meetings"'
      wbundles=$(ours_bundles "$work/ours.log")
    fi
    stop
  done
  echo "warm start $i/$runs: Karaf $(tail -1 "$work/karaf-warm"), ours $(tail -1 "$work/ours-warm") (s, RSS KiB, CPU s)"
done

# --- table ---------------------------------------------------------------------------------------------
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() { cut -d' ' -f"$2" "$work/$1"; }
row() { # KIND FIELD LABEL SCALE FORMAT UNIT
  local k o r
  k=$(col "karaf-$1" "$2" | median | awk -v s="$4" -v f="$5" '{printf f, $1 / s}')
  o=$(col "ours-$1" "$2" | median | awk -v s="$4" -v f="$5" '{printf f, $1 / s}')
  r=$(paste -d' ' <(col "ours-$1" "$2") <(col "karaf-$1" "$2") | awk '{print $1 / $2}' | median | awk '{printf "%.2f", $1}')
  printf '| %s | %s | %s %s | %s %s | %s |\n' "$1" "$3" "$k" "$6" "$o" "$6" "$r"
}
echo
echo "Karaf $karaf_version: default features + scr, http, aries-jax-rs-whiteboard $aries_version + jackson, one resource ($kbundles bundles);"
echo "ours: contacts and meetings installed ($wbundles bundles warm; the first start installs the platform only, $obundles bundles,"
echo "the modules are installed after it: median $(median <"$work/ours-install") s for both). Medians; ratio = median of ours/Karaf per pair."
echo
echo "| start | measure | Karaf | ours | paired ratio ours/Karaf |"
echo "|---|---|---|---|---|"
for kind in first warm; do
  row "$kind" 1 "time to first 200" 1 %.2f s
  row "$kind" 3 "CPU seconds by then" 1 %.1f s
  row "$kind" 2 "RSS at that moment" 1024 %.0f MiB
done
for kind in first warm; do
  echo "$kind runs (s): Karaf $(col "karaf-$kind" 1 | tr '\n' ' ')/ ours $(col "ours-$kind" 1 | tr '\n' ' ')"
done
echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -1) (both JVMs, each with its distribution's default options), load average $(cut -d' ' -f1-3 /proc/loadavg)"
