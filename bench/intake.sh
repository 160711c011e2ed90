#!/usr/bin/env bash
# In-process intake analysis of a 500,000-character article: ordinary vs adversarial texts (see bench/README.md).
# Options pass through as -D properties, e.g. bench/intake.sh -Dbench.runs=3 -Dbench.chars=200000
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=org.factdesk.intake.IntakeBenchmark -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false "$@"
