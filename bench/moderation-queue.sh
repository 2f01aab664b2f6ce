#!/usr/bin/env bash
# The moderation queue over 1,000,000 public snapshots and 100,000 reports (seeded inside MariaDB
# with its sequence engine): server time of the first page for each filter and order.
# Results: target/bench/moderation-queue.txt. Takes a few minutes, mostly seeding.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=ModerationQueueBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/moderation-queue.txt
