#!/usr/bin/env bash
# Cold start of the public share page: how long the jar takes to answer, and the share page's rate
# in the first 5 seconds after that (wrk -t2 -c64 -d5s), for three ways of starting the same build:
#   fat-jar     java -jar target/chatshare-*.jar (what the Dockerfile runs)
#   extracted   the jar extracted with Spring Boot's jarmode=tools (plain class path, no nested jars)
#   aot-cache   the extracted jar with a JDK 25 AOT cache (JEP 483/514: classes loaded and linked
#               ahead of time) recorded by one training run that served the page
# and nginx serving the same page for 5 s, for the ratio. Each variant starts BENCH_STARTS times
# (default 3) from a copy of the same prepared data directory (embedded MariaDB, demo data), so
# every start is a restart of an existing installation. Needs wrk and nginx (Debian packages).
# Results: target/bench/cold-start.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "install the Debian package $tool" >&2; exit 1; }
done
STARTS="${BENCH_STARTS:-3}"
OUT=target/bench/cold-start
PORT_APP="${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
PORT_NGINX=$((PORT_APP + 1))
rm -rf "$OUT" && mkdir -p "$OUT"
# The production jar (the Dockerfile's): the frontend bundle prebuilt, no development server.
# BENCH_JAR=path skips the build.
jar="${BENCH_JAR:-}"
if [ -z "$jar" ]; then
  ./mvnw -B -ntp -q -Pproduction -DskipTests package
  jar=$(ls target/chatshare-*.jar | grep -v original | head -1)
fi
java -Djarmode=tools -jar "$jar" extract --destination "$OUT/app" >/dev/null
extracted=$(ls "$OUT"/app/chatshare-*.jar | head -1)

app_pid=""
nginx_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
}
trap cleanup EXIT

# Starts the app on a data directory; sets app_pid and started_ms (wall time until /actuator/health is UP).
start_app() { # label data-dir jar java-options...
  local label=$1 data=$2 jarfile=$3
  shift 3
  local t0
  t0=$(date +%s%N)
  PORT=$PORT_APP CHATSHARE_DEMO=true CHATSHARE_EMBEDDEDDATABASE_DATADIR="$data" \
    java "$@" -jar "$jarfile" >"$OUT/$label.log" 2>&1 &
  app_pid=$!
  until grep -qs "Started Application" "$OUT/$label.log" \
      && curl -sf "http://127.0.0.1:$PORT_APP/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the app died; see $OUT/$label.log" >&2; exit 1; }
    sleep 0.05
  done
  started_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}

stop_app() {
  kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

rate() { # url -> requests/s of a 5-second wrk run
  wrk -t2 -c64 -d5s "$1" | sed -n 's/^Requests\/sec:[[:space:]]*//p'
}

# Prepare the installation once (database created, demo data and demo links); it is also the AOT
# training run: it serves the share page before it stops, so the page's classes are in the cache.
echo "preparing the data directory and recording the AOT cache (training run)"
start_app training "$(pwd)/$OUT/data" "$extracted" -XX:AOTCacheOutput="$OUT/app.aot"
for _ in $(seq 1 3000); do
  grep -q "Demo shared link of alice: " "$OUT/training.log" && break
  sleep 0.1
done
link=$(grep -o "Demo shared link of alice: .*" "$OUT/training.log" | sed 's/.*: //' | head -1)
path=${link#*://*/}
url="http://127.0.0.1:$PORT_APP/$path"
curl -sf "$url" -o "$OUT/page.html"
wrk -t2 -c64 -d10s "$url" >/dev/null
stop_app

mkdir -p "$OUT/www" "$OUT/nginx"
cp "$OUT/page.html" "$OUT/www/page.html"
cat >"$OUT/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $(pwd)/$OUT/nginx/nginx.pid;
error_log stderr warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $(pwd)/$OUT/nginx;
  proxy_temp_path $(pwd)/$OUT/nginx;
  fastcgi_temp_path $(pwd)/$OUT/nginx;
  uwsgi_temp_path $(pwd)/$OUT/nginx;
  scgi_temp_path $(pwd)/$OUT/nginx;
  server {
    listen 127.0.0.1:$PORT_NGINX;
    root $(pwd)/$OUT/www;
    location / { default_type text/html; add_header Cache-Control no-cache; etag on; }
  }
}
EOF
nginx -c "$(pwd)/$OUT/nginx/nginx.conf" -p "$(pwd)/$OUT/nginx" &
nginx_pid=$!
sleep 1
nginx_rate=$(rate "http://127.0.0.1:$PORT_NGINX/page.html")

report="$OUT/../cold-start.txt"
{
  echo "page: $(wc -c <"$OUT/page.html") bytes (a demo link); nginx, 5 s: $nginx_rate req/s"
  printf '%-10s %5s %14s %18s %7s\n' variant start "ready (ms)" "first 5 s (req/s)" ratio
} >"$report"
for variant in fat-jar extracted aot-cache; do
  for i in $(seq 1 "$STARTS"); do
    rm -rf "$OUT/run" && cp -a "$OUT/data" "$OUT/run"
    case $variant in
      fat-jar) start_app "$variant-$i" "$(pwd)/$OUT/run" "$jar" ;;
      extracted) start_app "$variant-$i" "$(pwd)/$OUT/run" "$extracted" ;;
      aot-cache) start_app "$variant-$i" "$(pwd)/$OUT/run" "$extracted" -XX:AOTCache="$OUT/app.aot" ;;
    esac
    first=$(rate "$url")
    stop_app
    awk -v v="$variant" -v i="$i" -v ms="$started_ms" -v r="$first" -v n="$nginx_rate" \
      'BEGIN { printf "%-10s %5d %14d %18.0f %7.2f\n", v, i, ms, r, r / n }' >>"$report"
  done
done
cat "$report"
