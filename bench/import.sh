#!/usr/bin/env bash
# Chat import (issue 26): a generated ChatGPT export zip of 2,000 conversations / 100,000 messages
# imported by one user (ChatImport.importFile, the work the upload hands to the task executor), with
# the heap capped at 256 MB: wall time and the heap's peak use. Results: target/bench/import.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=ImportBench -Dbench.excludedGroups= -Dtests.outputToFile=false \
  -Dsurefire.failIfNoSpecifiedTests=false -DargLine="-Xmx256m"
cat target/bench/import.txt
