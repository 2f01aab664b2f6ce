#!/usr/bin/env bash
# The share dialog of a 1,000-message chat in a real browser (Debian's headless Chromium): click on
# Share -> dialog with Copy Link shown, click on Copy Link -> link shown, timed in the browser,
# after 5 warm-up rounds. Results: target/bench/share-dialog.txt (copy them into BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=ShareDialogBrowserBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/share-dialog.txt
