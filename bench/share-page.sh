#!/usr/bin/env bash
# The public share page under load (wrk, 64 connections, 30 s) against nginx serving the same
# HTML as a static file, in one run; the gzip-compressed page against nginx's gzip_static of the
# same bytes; the 304 path against nginx's 304; and share/continue of a 1,000-message
# conversation. Needs the Debian packages wrk and nginx. Results: target/bench/share-page.txt.
# BENCH_ROUNDS (default 5; the gzip and 304 comparisons run min(3, rounds) rounds each)
# alternating runs of the two servers, medians printed; BENCH_DURATION=10s shortens each
# wrk run; BENCH_PROFILE=1 records the first share-page run with Java Flight Recorder into
# target/bench/share-page.jfr. BENCH_SIDE_ROUNDS sets the gzip and 304 rounds; BENCH_PARTS picks
# comparisons (e.g. BENCH_PARTS=304 BENCH_SIDE_ROUNDS=5 for five rounds of the 304 path alone).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "install the Debian package $tool" >&2; exit 1; }
done
./mvnw -B -q test -Dtest=SharePageBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.duration="${BENCH_DURATION:-30s}" -Dbench.profile="${BENCH_PROFILE:-}" \
  -Dbench.rounds="${BENCH_ROUNDS:-5}" -Dbench.side-rounds="${BENCH_SIDE_ROUNDS:-}" \
  -Dbench.parts="${BENCH_PARTS:-200,gzip,304}"
cat target/bench/share-page.txt
