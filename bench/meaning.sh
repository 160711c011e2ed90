#!/usr/bin/env bash
# Search by meaning at size (issue 19): embedding a query, and the exact in-memory scan over 100,000 stored
# claims (ROWS), with the heap the index takes. The SQL side of similar-claim search at 100,000 claims is
# bench-similarity's (docs/matching-evaluation.md). Prints "meaning:" lines. Under a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Dquarkus.quinoa=false test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -Xmx"${HEAP:-512m}" -Drows="${ROWS:-100000}" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/classes:target/test-classes:$classpath" org.factdesk.meaning.MeaningBenchmark
