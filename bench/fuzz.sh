#!/usr/bin/env bash
# Long fuzz run: the generator of ApiFuzzTest (src/test/java/org/factdesk/fuzz), 50,000 requests by
# default, against the server and embedded PostgreSQL that the @QuarkusTest starts on loopback.
# Usage: bench/fuzz.sh [requests] [seed]      (or FUZZ_REQUESTS / FUZZ_SEED; see bench/README.md)
set -uo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
OUT_DIR="$BENCH_DIR/out"
mkdir -p "$OUT_DIR"

REQUESTS=${1:-${FUZZ_REQUESTS:-50000}}
SEED=${2:-${FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}}

echo "Fuzzing $REQUESTS requests with seed $SEED (repeat: bench/fuzz.sh $REQUESTS $SEED); server log: bench/out/fuzz-log.txt"
cd "$REPO_DIR"
started=$(date +%s)
./mvnw -B test -Dtest=ApiFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.requests="$REQUESTS" -Dfuzz.seed="$SEED" > "$OUT_DIR/fuzz-log.txt" 2>&1
status=$?
if [ -f target/fuzz-findings.txt ]; then
    cp target/fuzz-findings.txt "$OUT_DIR/fuzz-last-run.txt"
    cat "$OUT_DIR/fuzz-last-run.txt"
else
    echo "No report was written: the build or the test's start failed. The end of bench/out/fuzz-log.txt:"
    tail -40 "$OUT_DIR/fuzz-log.txt"
fi
echo "Finished in $(( $(date +%s) - started )) s; report saved in bench/out/fuzz-last-run.txt"
exit $status
