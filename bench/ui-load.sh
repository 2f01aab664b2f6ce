#!/usr/bin/env bash
# How many signed-in people one node holds (issue 25). Starts the production jar (bench/build-jar.sh)
# with -Xmx2g on a new data directory in demo mode (the offline demo assistant, streaming its answer
# in pieces 25 ms apart), then runs UiLoadBench in its own JVM (surefire's fork) as the load driver:
# it speaks Vaadin's client-server protocol over HTTP and the push websocket, one cookie jar per
# person, as recorded from Chromium (BENCHMARKS.md, "How many people one node holds"). It registers
# the people through the form, each with a first chat; then for each N it signs N of them in, each
# opening the chat list and their chat and sending a message every 10 s for BENCH_SECONDS, and
# reports p50/p95 Send→first words and Send→whole answer, errors, heap after a full GC, heap per
# session and CPU.
# BENCH_USERS (default 50,100,200), BENCH_SECONDS (default 300), SKIP_BUILD=1 reuses the last jar,
# BENCH_JAVA_OPTS adds options to the app's JVM; BENCH_HEAP_DUMP=true writes the app's heap at each N
# to target/bench/ui-load-heap-N.hprof. Run it holding the Maven lock so that no build
# shares the machine: flock /tmp/mvn.lock bash bench/ui-load.sh
# Results: target/bench/ui-load.txt; the app's log in target/bench/ui-load/app.log.
set -euo pipefail
cd "$(dirname "$0")/.."
bash bench/build-jar.sh
OUT="$(pwd)/target/bench/ui-load"
rm -rf "$OUT" && mkdir -p "$OUT"
PORT_APP="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
read -r -a java_opts <<<"${BENCH_JAVA_OPTS:-}"
PORT=$PORT_APP CHATSHARE_DEMO=true CHATSHARE_EMBEDDEDDATABASE_DATADIR="$OUT/data" \
  java -Xmx2g "${java_opts[@]}" -jar target/two-nodes/chatshare.jar \
  --chatshare.accounts.registrations-per-hour=100000 >"$OUT/app.log" 2>&1 &
app_pid=$!
trap 'kill "$app_pid" 2>/dev/null; true' EXIT
until curl -sf "http://127.0.0.1:$PORT_APP/actuator/health" 2>/dev/null | grep -q UP; do
  kill -0 "$app_pid" 2>/dev/null || { echo "the app died; see $OUT/app.log" >&2; exit 1; }
  sleep 0.5
done
./mvnw -B -ntp -q test -Dtest=UiLoadBench -Dbench.excludedGroups= -Dtests.outputToFile=false \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.url="http://127.0.0.1:$PORT_APP/" -Dbench.pid="$app_pid" \
  -Dbench.users="${BENCH_USERS:-50,100,200}" -Dbench.seconds="${BENCH_SECONDS:-300}" -Dbench.heap-dump="${BENCH_HEAP_DUMP:-false}" \
  -Dbench.out="$(pwd)/target/bench/ui-load.txt"
cat target/bench/ui-load.txt
