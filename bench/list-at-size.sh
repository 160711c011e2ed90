#!/usr/bin/env bash
# List-at-size benchmark: a page of the ticket list at 1,000 and at 1,000,000 tickets, over HTTP and in
# SQL. Not a test: it prints figures (bench/out/list-at-size.txt) and never fails a build.
# Usage: bench/list-at-size.sh          (settings: BENCH_* below and in bench/README.md)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
OUT_DIR="$BENCH_DIR/out"
SQL_DIR="$BENCH_DIR/sql"
mkdir -p "$OUT_DIR"

PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_PASSWORD=${BENCH_PG_PASSWORD:-postgres}
PG_DB=${BENCH_LIST_DB:-factdesk_bench_lists}    # a scratch database, dropped and created on every run
HTTP_PORT=${BENCH_HTTP_PORT:-8089}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-9089}
JAR=${BENCH_JAR:-$REPO_DIR/target/quarkus-app/quarkus-run.jar}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-180}
SIZES=${BENCH_LIST_SIZES:-1000 1000000}         # ticket counts, ascending: each adds tickets to the last
RUNS=${BENCH_LIST_RUNS:-15}                     # measured requests (and EXPLAIN ANALYZEs) per figure
WARMUP=${BENCH_LIST_WARMUP:-200}                # unmeasured requests before the first figure (JIT)
PAGE_PATH=${BENCH_LIST_PATH:-/api/tickets?status=OPEN&size=20}
BASE_URL="http://127.0.0.1:$HTTP_PORT"
MANAGEMENT_URL="http://127.0.0.1:$MANAGEMENT_PORT"
# alice's subject (src/main/keycloak/demo/factdesk-users-0.json): the assignee of in-progress tickets.
CHECKER=a11ce000-0000-4000-8000-000000000001

case "$PG_DB" in
    *bench*) ;;
    *) echo "BENCH_LIST_DB='$PG_DB': refusing to drop a database whose name does not contain 'bench'" >&2; exit 2 ;;
esac
export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER PGPASSWORD=$PG_PASSWORD
exec > >(tee "$OUT_DIR/list-at-size.txt") 2>&1
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
for tool in psql openssl curl java awk; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

WORK_DIR=$(mktemp -d /tmp/factdesk-list-bench.XXXXXX)
SERVER_PID=""
cleanup() {
    local rc=$?
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 300); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK_DIR"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ ! -f "$JAR" ]]; then
    log "building the server ($REPO_DIR)"
    (cd "$REPO_DIR" && ./mvnw -B -q package -DskipTests)
fi
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$PG_DB" "$@"; }
log "recreating database $PG_DB on $PG_HOST:$PG_PORT"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB"

# --- Tokens: a key made for this run ------------------------------------------------------------
# Unlike bench/run.sh this needs no Keycloak: the server trusts a public key made here (as the test
# profile trusts the test key), and the reviewer's token is signed with its private half. The token
# goes through the same OIDC verification; the list's cost does not depend on who signed it.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK_DIR/key.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$WORK_DIR/key.pem" -pubout -outform DER | base64 -w0)
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
ISSUER=https://factdesk.bench/issuer
NOW=$(date +%s)
HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
PAYLOAD=$(printf '{"iss":"%s","sub":"b0b00000-0000-4000-8000-000000000002","aud":"factdesk-api","preferred_username":"bob","realm_access":{"roles":["reviewer"]},"iat":%d,"exp":%d}' \
    "$ISSUER" "$NOW" $((NOW + 7200)) | b64url)
SIGNATURE=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK_DIR/key.pem" -binary | b64url)
TOKEN="$HEADER.$PAYLOAD.$SIGNATURE"

# --- Server, started as bench/run.sh starts it --------------------------------------------------
for url in "$BASE_URL/" "$MANAGEMENT_URL/"; do
    if curl -s -o /dev/null "$url"; then echo "something already listens at $url; set BENCH_HTTP_PORT / BENCH_MANAGEMENT_PORT" >&2; exit 2; fi
done
log "starting $JAR on port $HTTP_PORT (log: bench/out/list-at-size-server.log)"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" \
QUARKUS_OIDC_AUTH_SERVER_URL="" \
QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" \
QUARKUS_OIDC_TOKEN_ISSUER="$ISSUER" \
QUARKUS_HTTP_PORT="$HTTP_PORT" \
QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
FACTDESK_AUDIT_CHECKPOINT_EVERY=off \
FACTDESK_PUBLISHING_POLL_EVERY=off \
    java $JAVA_OPTS -jar "$JAR" >"$OUT_DIR/list-at-size-server.log" 2>&1 &
SERVER_PID=$!
deadline=$(( $(date +%s) + READY_TIMEOUT ))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$MANAGEMENT_URL/q/health/ready" || true)" == 200 ]]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null || (( $(date +%s) > deadline )); then
        echo "the server did not become ready; tail of bench/out/list-at-size-server.log:" >&2
        tail -30 "$OUT_DIR/list-at-size-server.log" >&2
        exit 1
    fi
    sleep 0.2
done
code=$(curl -s -o "$WORK_DIR/probe.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE_URL/api/tickets?size=1")
[[ "$code" == 200 ]] || { echo "token refused: HTTP $code $(cat "$WORK_DIR/probe.json")" >&2; exit 1; }
log "server ready, token accepted"

# --- Figures ------------------------------------------------------------------------------------
# stats: numbers on stdin (ms) -> "median (min–max)"
stats() { sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%7.2f (%.2f–%.2f)", m, v[1], v[NR] }'; }
http_ms() { # path -> one line per run: ms
    for _ in $(seq 1 "$RUNS"); do
        curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE_URL$1" | awk '{ printf "%.3f\n", $1 * 1000 }'
    done
}
explain_ms() { # sql -> one line per run: planning + execution ms of EXPLAIN ANALYZE
    for _ in $(seq 1 "$RUNS"); do
        psql_db -At -c "EXPLAIN (ANALYZE, FORMAT JSON) $1" | tr -d '\n' \
            | sed -E 's/.*"Planning Time": ([0-9.]+).*"Execution Time": ([0-9.]+).*/\1 \2/' | awk '{ printf "%.3f\n", $1 + $2 }'
    done
}
WHERE="WHERE true AND t.status IN ('OPEN')"
ORDER="ORDER BY t.priority_rank, t.deadline NULLS LAST, t.created_at, t.id"
SQL_PAGE="SELECT t.id FROM ticket t $WHERE $ORDER LIMIT 21 OFFSET 0"
SQL_COUNT="SELECT count(*) FROM (SELECT t.id FROM ticket t $WHERE LIMIT 10001) capped"
SQL_OLD_COUNT="SELECT count(*) FROM ticket t $WHERE"   # what the list counted before: every matching row
QUEUE_PATH="/api/tickets?status=OPEN,IN_PROGRESS,IN_REVIEW,APPROVED&size=25"   # the web app's queue
SQL_QUEUE="SELECT t.id FROM ticket t WHERE true AND t.status IN ('OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED') $ORDER LIMIT 26 OFFSET 0"
PLANS=()

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()
seeded=0
for size in $SIZES; do
    log "adding tickets $((seeded + 1))..$size"
    psql_db -v from_n=$((seeded + 1)) -v to_n="$size" -v checker="$CHECKER" -f "$SQL_DIR/list-at-size-seed.sql"
    psql_db -c "VACUUM ANALYZE claim" -c "VACUUM ANALYZE ticket" -c "VACUUM ANALYZE audit_event"
    seeded=$size
    if (( WARMUP > 0 )); then
        log "warming up ($WARMUP requests)"
        for _ in $(seq 1 "$WARMUP"); do
            curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE_URL$PAGE_PATH"
        done
        WARMUP=$(( WARMUP / 4 ))
    fi
    answer=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE_URL$PAGE_PATH")
    total=$(sed -E 's/.*"total":([0-9]+).*/\1/' <<<"$answer")
    exact=$(sed -E 's/.*"totalExact":(true|false).*/\1/' <<<"$answer")
    next=$(sed -E 's/.*"next":"([^"]*)".*/\1/' <<<"$answer")
    open=$(psql_db -At -c "SELECT count(*) FROM ticket WHERE status = 'OPEN'")
    log "measuring at $size tickets ($open open; the page says total $total, totalExact $exact)"
    ROWS+=("$(printf '%-10s %-34s %s' "$size" "HTTP first page" "$(http_ms "$PAGE_PATH" | stats)")")
    ROWS+=("$(printf '%-10s %-34s %s' "$size" "HTTP page after its next cursor" "$(http_ms "$PAGE_PATH&after=$next" | stats)")")
    ROWS+=("$(printf '%-10s %-34s %s' "$size" "HTTP page 500 by offset" "$(http_ms "$PAGE_PATH&page=500" | stats)")")
    ROWS+=("$(printf '%-10s %-34s %s' "$size" "HTTP queue (4 unfinished statuses)" "$(http_ms "$QUEUE_PATH" | stats)")")
    ROWS+=("$(printf '%-10s %-34s %s' "$size" "SQL page ids (EXPLAIN ANALYZE)" "$(explain_ms "$SQL_PAGE" | stats)")")
    ROWS+=("$(printf '%-10s %-34s %s' "$size" "SQL capped count" "$(explain_ms "$SQL_COUNT" | stats)")")
    ROWS+=("$(printf '%-10s %-34s %s' "$size" "SQL full count (before this change)" "$(explain_ms "$SQL_OLD_COUNT" | stats)")")
    ROWS+=("$(printf '%-10s %-34s total %s, totalExact %s (true count of open tickets: %s)' "$size" "answer" "$total" "$exact" "$open")")
    PLANS+=("$size tickets, page ids: $(psql_db -At -c "EXPLAIN (COSTS OFF) $SQL_PAGE" | tr -s ' \n' ' ')")
    PLANS+=("$size tickets, capped count: $(psql_db -At -c "EXPLAIN (COSTS OFF) $SQL_COUNT" | tr -s ' \n' ' ')")
    PLANS+=("$size tickets, queue page ids: $(psql_db -At -c "EXPLAIN (COSTS OFF) $SQL_QUEUE" | tr -s ' \n' ' ')")
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "GET $PAGE_PATH as a reviewer; $RUNS runs per figure; median (min–max) in ms"
printf '%-10s %-34s %s\n' "tickets" "what" "median (min–max) ms"
printf '%s\n' "${ROWS[@]}"
echo
echo "plans:"
printf '  %s\n' "${PLANS[@]}"
echo
echo "load average before: $LOAD_BEFORE; after: $LOAD_AFTER ($(nproc) CPUs)"
echo "target: the first page of open tickets under 50 ms at 1,000,000 tickets"
