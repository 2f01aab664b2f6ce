#!/usr/bin/env bash
# The MariaDB server killed (SIGKILL) under load and started again ~10 s later, two nodes behind
# nginx that are not restarted: wrk -t2 -c32 on the public page through nginx for 40 s, probes with a
# 6 s timeout at each node and at nginx, and a signed-in user (headless Chromium) who sends a message
# during the outage. Needs the Debian packages mariadb-server, nginx, wrk, chromium, chromium-driver.
# Results: target/bench/db-faults.txt; logs in target/db-faults/, screenshots in
# target/screenshots/db-faults-*.png.
# HIKARI_CONNECTION_TIMEOUT (ms) sets spring.datasource.hikari.connection-timeout on the nodes
# (unset: as application.yml sets it). SKIP_BUILD=1 reuses the last jar.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in mariadbd mariadb-install-db mariadb nginx wrk chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "missing $tool: install the Debian packages mariadb-server nginx wrk chromium chromium-driver" >&2; exit 1; }
done
bench/build-jar.sh
./mvnw -B -ntp -q test -Dtest=DbFaultsBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.jar=target/two-nodes/chatshare.jar -Dbench.hikari-connection-timeout="${HIKARI_CONNECTION_TIMEOUT:-}"
echo "Report: target/bench/db-faults.txt"
