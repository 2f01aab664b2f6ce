#!/usr/bin/env bash
# The public share page under load (wrk -t2 -c64), against nginx serving the same bytes as a static
# file, in one run, for two pages: the demo link's page (about 2 KB) and a 50-message share (17 KB).
# For each page: a warm-up run, then the 200 path, the gzip-compressed page against nginx's
# gzip_static of the same bytes, and the 304 path against nginx's 304, rounds alternating the two
# servers; then share/continue of a 1,000-message conversation. Prints the ratios of both pages
# (median of the rounds), the JVM's CPU per request against nginx's, p99 and errors. Needs the
# Debian packages wrk and nginx. Results: target/bench/share-page.txt.
# BENCH_ROUNDS (default 5) rounds of each comparison, BENCH_DURATION (default 30s) each wrk run;
# BENCH_SIDE_ROUNDS sets the gzip and 304 rounds apart (default: BENCH_ROUNDS); BENCH_PARTS picks
# comparisons (e.g. BENCH_PARTS=304); BENCH_PROFILE=200 (or 1), gzip or 304 records each page's
# first round of that comparison with Java Flight Recorder into target/bench/share-page-PAGE[-PART].jfr.
# BENCH_AHEAD=false turns off the handler that answers known pages ahead of the servlet chain
# (decision 0024): the servlet path.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "install the Debian package $tool" >&2; exit 1; }
done
./mvnw -B -q test -Dtest=SharePageBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.duration="${BENCH_DURATION:-30s}" -Dbench.profile="${BENCH_PROFILE:-}" \
  -Dbench.rounds="${BENCH_ROUNDS:-5}" -Dbench.side-rounds="${BENCH_SIDE_ROUNDS:-}" \
  -Dbench.parts="${BENCH_PARTS:-200,gzip,304}" -Dchatshare.share-page.ahead-of-servlets="${BENCH_AHEAD:-true}"
cat target/bench/share-page.txt
