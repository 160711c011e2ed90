#!/usr/bin/env bash
# Capture throughput and memory (issue 18): records pages from a local site on loopback with the
# capture recorder and stores them with the capture store in a database of its own (factdesk_bench_captures
# on the PostgreSQL at 127.0.0.1:5432), in a JVM with a small heap (HEAP, default 64m) to show that a
# 50 MB capture streams rather than being held. Prints "captures: figure:" lines. A minute or two.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Dquarkus.quinoa=false test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -Xmx"${HEAP:-64m}" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/classes:target/test-classes:$classpath" org.factdesk.capture.CaptureBenchmark
