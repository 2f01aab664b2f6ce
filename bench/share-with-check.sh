#!/usr/bin/env bash
# Sharing a 1,000-message chat from the share dialog with the check before sharing: the preview
# (every message rendered and scanned for secrets and personal data) and the share of the choice
# with every flagged message left out, 15 times in a fresh JVM against the embedded MariaDB (the
# first creates the link, the others update it). Results: target/bench/share-with-check.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=ShareWithCheckBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/share-with-check.txt
