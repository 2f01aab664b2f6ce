#!/usr/bin/env bash
# Lighthouse 12.2.3 (npm; newer versions want Node 22) with Debian's headless Chromium against the
# production jar: the sign-in page and a shared page, mobile (Lighthouse's default: a slow 4G and a
# 4x slower CPU, simulated), each three times; prints every score and the median performance.
# Needs node/npm and chromium. The jar comes from bench/build-jar.sh (SKIP_BUILD=1 reuses it).
# Results: target/bench/lighthouse.txt, the reports in target/bench/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash bench/build-jar.sh
OUT=target/bench/lighthouse
rm -rf "$OUT" && mkdir -p "$OUT"
PORT="${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
DATA="$(mktemp -d)"
PORT=$PORT CHATSHARE_DEMO=true CHATSHARE_EMBEDDEDDATABASE_DATADIR="$DATA/mariadb" \
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar target/two-nodes/chatshare.jar > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/login" >/dev/null && break
  sleep 1
done
# The demo chats are made just after the start: wait for alice's shared link.
LINK=""
for _ in $(seq 1 60); do
  LINK=$( (grep -o "Demo shared link of alice: [^ ]*" "$OUT/app.log" || true) | head -1 | sed 's/.*: //' \
    | sed "s#http://[^/]*#http://127.0.0.1:$PORT#")
  [ -n "$LINK" ] && break
  sleep 1
done
run() {
  local name=$1 url=$2
  for i in 1 2 3; do
    npx --yes lighthouse@12.2.3 "$url" --quiet --output=json --output-path="$OUT/$name-$i.json" \
      --chrome-path=/usr/bin/chromium \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
      >/dev/null 2>>"$OUT/lighthouse.log"
  done
  python3 - "$OUT" "$name" "$url" <<'PY'
import json, sys, statistics
out, name, url = sys.argv[1:4]
runs = [json.load(open(f"{out}/{name}-{i}.json")) for i in (1, 2, 3)]
cats = ["performance", "accessibility", "best-practices", "seo"]
print(f"{name} ({url.split('//')[1].split('/', 1)[1] if '/' in url.split('//')[1] else ''})")
for r in runs:
    a = r["audits"]
    print("  " + ", ".join(f"{c} {round(r['categories'][c]['score'] * 100)}" for c in cats)
          + f"; FCP {a['first-contentful-paint']['displayValue']}, LCP {a['largest-contentful-paint']['displayValue']},"
          + f" TBT {a['total-blocking-time']['displayValue']}, transferred {round(a['total-byte-weight']['numericValue'] / 1024)} KiB")
print(f"  median performance: {statistics.median(round(r['categories']['performance']['score'] * 100) for r in runs)}")
PY
}
{
  echo "Lighthouse 12.2.3, mobile, production jar, $(date -u +%F), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  run sign-in "http://127.0.0.1:$PORT/login"
  if [ -n "$LINK" ]; then run shared-page "$LINK"; fi
} | tee target/bench/lighthouse.txt
