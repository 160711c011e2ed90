#!/usr/bin/env bash
# Desk metrics at size: the dashboard's answer (GET /api/metrics) and each of its statements over JDBC with the
# same parameters, at BENCH_METRICS_TICKETS tickets (1,000,000 by default: about 10,000,000 audit events with
# valid hash chains), for periods of 30, 90 and 366 days; what the rollup trigger costs each stored event; and
# /api/audit/verify over the whole trail (the chains are valid: it must say so). Not a test: it prints figures
# (bench/out/metrics-at-size.txt) and never fails a build. The seeder (MetricsAtSize) is shared with the
# performance benchmarks. Usage: bench/metrics-at-size.sh   (settings: BENCH_* below and in bench/lib.sh;
# BENCH_KEEP_DB=1 measures again on the database the last run seeded, when the schema has not changed since)
set -euo pipefail

BENCH_NAME=metrics-at-size
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TICKETS=${BENCH_METRICS_TICKETS:-1000000}
RUNS=${BENCH_METRICS_RUNS:-21}
exec > >(tee "$OUT_DIR/metrics-at-size.txt") 2>&1

CLASSPATH_FILE="$REPO_DIR/target/bench-classpath.txt"
if [[ ! -f "$CLASSPATH_FILE" || ! -d "$REPO_DIR/target/test-classes/org/factdesk/deskmetrics" ]]; then
    log "compiling the tests and writing their classpath"
    (cd "$REPO_DIR" && ./mvnw -B -q -Dquarkus.quinoa=false test-compile dependency:build-classpath \
        -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test)
fi
CP="$REPO_DIR/target/test-classes:$REPO_DIR/target/classes:$(cat "$CLASSPATH_FILE")"
JDBC="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"

start_server FACTDESK_WEBHOOKS_POLL_EVERY=off FACTDESK_CAPTURES_EVERY=off FACTDESK_INTAKE_MEANING_EVERY=off
if [[ -z "${BENCH_KEEP_DB:-}" ]]; then
    log "seeding $TICKETS tickets"
    java -cp "$CP" org.factdesk.deskmetrics.MetricsAtSize seed "$JDBC" "$PG_USER" "$PG_PASSWORD" "$TICKETS"
fi
psql_db -At -c "SELECT 'database: ' || pg_size_pretty(pg_database_size(current_database())) || ', audit_event ' || pg_size_pretty(pg_total_relation_size('audit_event')) || ', ticket_timeline ' || pg_size_pretty(pg_total_relation_size('ticket_timeline')) || ', ticket_span ' || pg_size_pretty(pg_total_relation_size('ticket_span'))"
log "measuring ($RUNS runs per figure; PostgreSQL $(psql_db -At -c 'SHOW server_version'))"
java -cp "$CP" org.factdesk.deskmetrics.MetricsAtSize measure "$JDBC" "$PG_USER" "$PG_PASSWORD" "$BASE_URL" "$TOKEN_EDITOR" "$RUNS"
log "verifying the whole audit trail through the API"
start_ns=$(date +%s%N)
curl -s --max-time 3600 -H "Authorization: Bearer $TOKEN_ADMIN" "$BASE_URL/api/audit/verify" -o "$WORK_DIR/verify.json" -w 'HTTP %{http_code}\n'
elapsed_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
events=$(psql_db -At -c "SELECT count(*) FROM audit_event")
log "verify: $(head -c 400 "$WORK_DIR/verify.json"); $events events in $elapsed_ms ms ($(( events * 1000 / (elapsed_ms + 1) )) events/s)"
