#!/usr/bin/env bash
# Server-side time to open the chat view with 5,000 conversations and with a 1,000-message
# conversation, on the embedded MariaDB through the real Spring context (Karibu, no browser).
# Results: target/bench/chat-view.txt (copy them into BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=ChatViewBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/chat-view.txt
