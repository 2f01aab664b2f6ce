#!/usr/bin/env bash
# Opening a 2,000-message chat in a real browser (Debian's headless Chromium): click on it in the
# chat list -> its last message visible, timed in the browser after 5 warm-up rounds.
# Results: target/bench/long-chat.txt (copy them into BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=LongChatBrowserBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/long-chat.txt
