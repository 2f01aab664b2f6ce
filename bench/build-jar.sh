#!/usr/bin/env bash
# Builds the production jar once for the multi-process benchmarks (two-nodes.sh, db-faults.sh) and
# copies it to target/two-nodes/chatshare.jar. The plain `./mvnw package` jar does not start with
# `java -jar`: it is in Vaadin's development mode without the development server (vaadin-dev is
# optional and not packaged). The production profile takes Vaadin's prebuilt production bundle
# (no Node build for this Java-only UI) and leaves vaadin-dev out. SKIP_BUILD=1 keeps an existing jar.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/two-nodes
if [ "${SKIP_BUILD:-}" = 1 ] && [ -f target/two-nodes/chatshare.jar ]; then
  echo "Reusing target/two-nodes/chatshare.jar (SKIP_BUILD=1)"
  exit 0
fi
./mvnw -B -ntp -q -DskipTests -Pproduction package
cp target/chatshare-*.jar target/two-nodes/chatshare.jar
# The production build leaves its bundle in target/classes; later development builds and tests
# must not pick it up.
rm -rf target/classes/META-INF/VAADIN
