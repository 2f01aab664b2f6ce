#!/usr/bin/env bash
# Streaming a 20,000-token Markdown answer from a fake OpenAI-compatible endpoint into the chat in
# headless Chromium: bytes sent to the browser per answer (DevTools network events: push frames and
# UIDL responses) against the final HTML, and the JVM's CPU time per token. BENCH_TOKENS_PER_SECOND
# sets the endpoint's pace (default 1000). Results: target/bench/streaming.txt (copy them into
# BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=StreamingBrowserBench -Dbench.excludedGroups= -Dtests.outputToFile=false \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbench.tokensPerSecond="${BENCH_TOKENS_PER_SECOND:-1000}"
cat target/bench/streaming.txt
