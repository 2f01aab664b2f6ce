#!/usr/bin/env bash
# Two application nodes on one MariaDB server behind nginx, all real processes on this machine:
# a link shared on node A served by node B, the lag of deletions and a takedown from A to B, views,
# reports and the report limit across nodes, and node A killed under a signed-in user.
# Needs the Debian packages mariadb-server, nginx, chromium and chromium-driver (the last two are
# what .ci/run installs). Builds the jar once, then runs TwoNodesBench, which starts and stops
# everything itself. Results: target/bench/two-nodes.txt; logs and nginx's access log in
# target/two-nodes/, screenshots in target/screenshots/two-nodes-*.png.
# BENCH_DELETIONS (default 8): how many deletions are timed. SKIP_BUILD=1 reuses the last jar.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in mariadbd mariadb-install-db mariadb nginx chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "missing $tool: install the Debian packages mariadb-server nginx chromium chromium-driver" >&2; exit 1; }
done
bench/build-jar.sh
./mvnw -B -ntp -q test -Dtest=TwoNodesBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.jar=target/two-nodes/chatshare.jar -Dbench.deletions="${BENCH_DELETIONS:-8}"
echo "Report: target/bench/two-nodes.txt"
