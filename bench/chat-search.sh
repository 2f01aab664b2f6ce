#!/usr/bin/env bash
# One user with 10,000 chats of 50 messages (500,000 messages): server time of the chat search's
# first results (ConversationService.search, warm), median and p95 over 50 searches of common,
# middling and rare words, word beginnings, two words and short words, on the embedded MariaDB.
# Results: target/bench/chat-search.txt. Takes a few minutes, mostly seeding.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=ChatSearchBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/chat-search.txt
