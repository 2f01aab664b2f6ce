#!/usr/bin/env bash
# One user with 100,000 shared links: server time of the data-controls grid's first page, a
# search, a sort, and Delete all, on the embedded MariaDB. Results: target/bench/shared-links.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=SharedLinksBench -Dbench.excludedGroups= -Dtests.outputToFile=false -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/shared-links.txt
