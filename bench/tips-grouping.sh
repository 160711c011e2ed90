#!/usr/bin/env bash
# Tips-grouping benchmark: with 100,000 tips in the inbox, how long (a) grouping one new tip takes (the
# statement TipIntake runs, TipIntake.GROUP_SQL) and (b) a page of GET /api/tips. Not a test: it prints
# figures (bench/out/tips-grouping.txt) and never fails a build.
# Usage: bench/tips-grouping.sh          (settings: BENCH_* below; PostgreSQL as for bench/list-at-size.sh)
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
PG_DB=${BENCH_TIPS_DB:-factdesk_bench_tips}    # a scratch database, dropped and created on every run
HTTP_PORT=${BENCH_HTTP_PORT:-8089}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-9089}
JAR=${BENCH_JAR:-$REPO_DIR/target/quarkus-app/quarkus-run.jar}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-180}
TIPS=${BENCH_TIPS:-100000}                      # tips in the inbox
TIP_GROUPS=${BENCH_TIP_GROUPS:-20000}          # the groups they form
RUNS=${BENCH_TIPS_RUNS:-21}                     # measured requests and statements per figure
WARMUP=${BENCH_TIPS_WARMUP:-200}                # unmeasured requests before the HTTP figures (JIT)
THRESHOLD=${BENCH_TIPS_GROUP_THRESHOLD:-0.5}    # factdesk.tips.group-threshold
CORPUS=${BENCH_CORPUS:-$REPO_DIR/../shared/datasets/claimbuster/train.jsonl}
PAGE_PATH=${BENCH_TIPS_PATH:-/api/tips?size=20}
BASE_URL="http://127.0.0.1:$HTTP_PORT"
MANAGEMENT_URL="http://127.0.0.1:$MANAGEMENT_PORT"

case "$PG_DB" in
    *bench*) ;;
    *) echo "BENCH_TIPS_DB='$PG_DB': refusing to drop a database whose name does not contain 'bench'" >&2; exit 2 ;;
esac
[[ -f "$CORPUS" ]] || { echo "no corpus at $CORPUS (set BENCH_CORPUS to the ClaimBuster train.jsonl)" >&2; exit 2; }
export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER PGPASSWORD=$PG_PASSWORD
exec > >(tee "$OUT_DIR/tips-grouping.txt") 2>&1
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
for tool in psql openssl curl java awk sed; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

WORK_DIR=$(mktemp -d /tmp/factdesk-tips-bench.XXXXXX)
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

# --- The statement TipIntake runs, read from its source so that the benchmark cannot drift from it ----
# SimilarityService.WANTED and TipIntake.GROUP_SQL are Java text blocks; :q and :threshold become psql
# variables (the server binds them as parameters).
text_block() { # file, line that opens the block -> the block's lines
    awk -v start="$2" 'index($0, start) { on = 1; next } on { if (index($0, "\"\"\"")) { sub(/""".*/, ""); print; exit } print }' "$1"
}
GROUP_SQL="$(text_block "$REPO_DIR/src/main/java/org/factdesk/similar/SimilarityService.java" 'String WANTED = """')
$(text_block "$REPO_DIR/src/main/java/org/factdesk/tip/TipIntake.java" 'String GROUP_SQL = ')"
GROUP_SQL=$(sed -e "s/:q\b/:'q'/g" <<<"$GROUP_SQL")
grep -q "tip_group" <<<"$GROUP_SQL" || { echo "could not read GROUP_SQL from TipIntake.java" >&2; exit 1; }

# --- Tokens: a key made for this run (as bench/list-at-size.sh: no Keycloak needed) ----------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK_DIR/key.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$WORK_DIR/key.pem" -pubout -outform DER | base64 -w0)
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
ISSUER=https://factdesk.bench/issuer
NOW=$(date +%s)
HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
PAYLOAD=$(printf '{"iss":"%s","sub":"ca201000-0000-4000-8000-000000000003","aud":"factdesk-api","preferred_username":"carol","realm_access":{"roles":["editor"]},"iat":%d,"exp":%d}' \
    "$ISSUER" "$NOW" $((NOW + 7200)) | b64url)
SIGNATURE=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK_DIR/key.pem" -binary | b64url)
TOKEN="$HEADER.$PAYLOAD.$SIGNATURE"

# --- Server --------------------------------------------------------------------------------------
for url in "$BASE_URL/" "$MANAGEMENT_URL/"; do
    if curl -s -o /dev/null "$url"; then echo "something already listens at $url; set BENCH_HTTP_PORT / BENCH_MANAGEMENT_PORT" >&2; exit 2; fi
done
log "starting $JAR on port $HTTP_PORT (log: bench/out/tips-grouping-server.log)"
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
FACTDESK_TIPS_ANSWERS_EVERY=off \
FACTDESK_TIPS_RETENTION_EVERY=off \
    java $JAVA_OPTS -jar "$JAR" >"$OUT_DIR/tips-grouping-server.log" 2>&1 &
SERVER_PID=$!
deadline=$(( $(date +%s) + READY_TIMEOUT ))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$MANAGEMENT_URL/q/health/ready" || true)" == 200 ]]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null || (( $(date +%s) > deadline )); then
        echo "the server did not become ready; tail of bench/out/tips-grouping-server.log:" >&2
        tail -30 "$OUT_DIR/tips-grouping-server.log" >&2
        exit 1
    fi
    sleep 0.2
done
code=$(curl -s -o "$WORK_DIR/probe.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE_URL/api/tips?size=1")
[[ "$code" == 200 ]] || { echo "token refused: HTTP $code $(cat "$WORK_DIR/probe.json")" >&2; exit 1; }
log "server ready, token accepted"

# --- The inbox -----------------------------------------------------------------------------------
log "seeding $TIPS tips in $TIP_GROUPS groups from $(wc -l <"$CORPUS") ClaimBuster sentences"
psql_db -c "CREATE TABLE bench_corpus_line (line text)" \
    -c "\\copy bench_corpus_line FROM '$CORPUS' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')" \
    -c "CREATE TABLE bench_corpus AS SELECT (line::jsonb->>'id')::bigint AS id, line::jsonb->>'text' AS text FROM bench_corpus_line"
psql_db -v tips="$TIPS" -v groups="$TIP_GROUPS" -v extra="$RUNS" -f "$SQL_DIR/tips-grouping-seed.sql"
psql_db -c "VACUUM ANALYZE tip_group" -c "VACUUM ANALYZE tip"
read -r tips_n groups_n open_n biggest < <(psql_db -At -F ' ' -c \
    "SELECT (SELECT count(*) FROM tip), count(*), count(*) FILTER (WHERE dismissed_at IS NULL AND claim_id IS NULL), max(tip_count) FROM tip_group")
log "inbox: $tips_n tips, $groups_n groups ($open_n open), the biggest of $biggest tips"

# --- Figures -------------------------------------------------------------------------------------
stats() { sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%7.2f (%.2f–%.2f)", m, v[1], v[NR] }'; }
http_ms() { # path -> one line per run: ms
    for _ in $(seq 1 "$RUNS"); do
        curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE_URL$1" | awk '{ printf "%.3f\n", $1 * 1000 }'
    done
}
grouping_ms() { # kind -> one line per new tip text: planning + execution ms of EXPLAIN ANALYZE GROUP_SQL
    psql_db -At -c "SELECT text FROM bench_new_tip WHERE kind = '$1' ORDER BY k LIMIT $RUNS" >"$WORK_DIR/texts"
    while IFS= read -r text; do
        psql_db -At -v q="$text" -v threshold="$THRESHOLD" <<<"EXPLAIN (ANALYZE, FORMAT JSON) $GROUP_SQL" | tr -d '\n' \
            | sed -E 's/.*"Planning Time": ([0-9.]+).*"Execution Time": ([0-9.]+).*/\1 \2/' | awk '{ printf "%.3f\n", $1 + $2 }'
    done <"$WORK_DIR/texts"
}
grouped() { # kind -> how many of its texts GROUP_SQL puts in an existing group
    local found=0
    psql_db -At -c "SELECT text FROM bench_new_tip WHERE kind = '$1' ORDER BY k LIMIT $RUNS" >"$WORK_DIR/texts"
    while IFS= read -r text; do
        [[ -n "$(psql_db -At -v q="$text" -v threshold="$THRESHOLD" <<<"$GROUP_SQL")" ]] && found=$((found + 1))
    done <"$WORK_DIR/texts"
    echo "$found"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "warming up ($WARMUP requests)"
for _ in $(seq 1 "$WARMUP"); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE_URL$PAGE_PATH"; done
answer=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE_URL$PAGE_PATH")
next=$(sed -E 's/.*"next":"([^"]*)".*/\1/' <<<"$answer")
total=$(sed -E 's/.*"total":([0-9]+).*/\1/' <<<"$answer")
log "measuring"
ROWS=()
ROWS+=("$(printf '%-44s %s' "SQL grouping, a rewording of a group" "$(grouping_ms match | stats)")")
ROWS+=("$(printf '%-44s %s' "SQL grouping, a tip like no group" "$(grouping_ms new | stats)")")
ROWS+=("$(printf '%-44s %s' "HTTP GET /api/tips first page (20)" "$(http_ms "$PAGE_PATH" | stats)")")
ROWS+=("$(printf '%-44s %s' "HTTP GET /api/tips page after its cursor" "$(http_ms "$PAGE_PATH&after=$next" | stats)")")
ROWS+=("$(printf '%-44s %s' "HTTP GET /api/tips?state=dismissed" "$(http_ms "$PAGE_PATH&state=dismissed" | stats)")")
ROWS+=("$(printf '%-44s %s' "HTTP GET /api/tips/groups/1 ($biggest tips)" "$(http_ms "/api/tips/groups/1" | stats)")")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
matched=$(grouped match)
apart=$(grouped new)
PLAN=$(psql_db -At -v q="$(psql_db -At -c "SELECT text FROM bench_new_tip WHERE kind = 'new' ORDER BY k LIMIT 1")" \
    -v threshold="$THRESHOLD" <<<"EXPLAIN (COSTS OFF) $GROUP_SQL" | tr -s ' \n' ' ')

echo
echo "$tips_n tips in $groups_n groups ($open_n open; GET $PAGE_PATH says total $total); $RUNS runs per figure;"
echo "grouping = planning + execution of EXPLAIN ANALYZE of TipIntake.GROUP_SQL with a new tip's text, each run another text"
printf '%-44s %s\n' "what" "median (min–max) ms"
printf '%s\n' "${ROWS[@]}"
echo
echo "grouped with an existing group: $matched of $RUNS rewordings, $apart of $RUNS unseen texts (threshold $THRESHOLD)"
echo "grouping plan: $PLAN"
echo "load average before: $LOAD_BEFORE; after: $LOAD_AFTER ($(nproc) CPUs)"
