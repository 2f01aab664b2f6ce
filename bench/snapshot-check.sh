#!/usr/bin/env bash
# The check before sharing (secrets and personal data) over a 1,000-message chat of 250–1,500
# characters of Markdown each, 20 times in one fresh JVM, with international phone numbers only
# and with national numbers of one region. Plain Java, no Spring context, no database.
# Results: target/bench/snapshot-check.txt (copy them into BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=SnapshotCheckBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/snapshot-check.txt
