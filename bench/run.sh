#!/usr/bin/env bash
# Factdesk benchmark: loads the running server on loopback with wrk and does the same work
# directly against the same PostgreSQL with pgbench, then prints both side by side.
# Usage: bench/run.sh            (see bench/README.md for the BENCH_* settings)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
OUT_DIR="$BENCH_DIR/out"
SQL_DIR="$BENCH_DIR/sql"   # seeding and pool resets (psql -f), the SQL side of each scenario (pgbench -f)
LUA_DIR="$BENCH_DIR/lua"   # the HTTP side of each scenario (wrk -s)
mkdir -p "$OUT_DIR"

# --- Settings -----------------------------------------------------------------------------------
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_PASSWORD=${BENCH_PG_PASSWORD:-postgres}
PG_DB=${BENCH_PG_DB:-factdesk_bench}
HTTP_PORT=${BENCH_HTTP_PORT:-8089}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-9089}   # the server's health, metrics and OpenAPI document
DURATION=${BENCH_DURATION:-10}          # seconds per measured run
WARMUP=${BENCH_WARMUP:-20}              # seconds per endpoint in one warm-up round (0: no warm-up)
WARMUP_MAX=${BENCH_WARMUP_MAX:-300}     # warm-up rounds stop after this many seconds even if the JIT is still busy
FIRST=${BENCH_FIRST:-30}                # seconds of claim-next (32 clients) on the fresh process, before any warm-up (0: skip)
JIT_QUIET=${BENCH_JIT_QUIET:-5}         # warm-up ends once the JIT compiler uses less than this % of one CPU
WAIT_QUIET=${BENCH_WAIT_QUIET:-60}      # seconds to wait for other processes to leave the CPUs idle
THREADS=${BENCH_THREADS:-2}             # wrk threads and pgbench -j
HTTP_TIMEOUT=${BENCH_HTTP_TIMEOUT:-10}  # seconds before wrk gives up on a response (counted as error)
SIZE=${BENCH_SIZE:-0}                   # tickets of three years' history seeded first (MetricsAtSize: ~10 audit events each)
KEEP_DB=${BENCH_KEEP_DB:-}              # non-empty: measure on the database the last run seeded (same BENCH_SIZE and pools)
OPEN_TICKETS=${BENCH_OPEN_TICKETS:-60000}
RELEASE_TICKETS=${BENCH_RELEASE_TICKETS:-40000}
JAR=${BENCH_JAR:-$REPO_DIR/target/quarkus-app/quarkus-run.jar}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
source "$BENCH_DIR/image.sh"            # server_command: the jar, or the server in the image (BENCH_IMAGE_ROOT)
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-120}
SCENARIOS=${BENCH_SCENARIOS:-list claim-next release history search feed intake audit}   # a subset, e.g. "claim-next"
INTAKE_CHARS=${BENCH_INTAKE_CHARS:-500000}   # length of each article of the intake scenario (the API's limit)
INTAKE_RUNS=${BENCH_INTAKE_RUNS:-3}          # measured posts per article, after one unmeasured
BASE_URL="http://127.0.0.1:$HTTP_PORT"
MANAGEMENT_URL="http://127.0.0.1:$MANAGEMENT_PORT"

case "$PG_DB" in
    *bench*) ;;
    *) echo "BENCH_PG_DB='$PG_DB': refusing to drop a database whose name does not contain 'bench'" >&2; exit 2 ;;
esac

export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER PGPASSWORD=$PG_PASSWORD

# Everything printed from here on also lands in bench/out/last-run.txt.
exec > >(tee "$OUT_DIR/last-run.txt") 2>&1

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# Percentage of all CPUs busy over one second (the benchmark's own processes idle at that moment).
cpu_busy() {
    local a b
    read -r -a a < <(head -1 /proc/stat)
    sleep 1
    read -r -a b < <(head -1 /proc/stat)
    awk -v u="$(( (b[1]+b[2]+b[3]+b[6]+b[7]+b[8]) - (a[1]+a[2]+a[3]+a[6]+a[7]+a[8]) ))" \
        -v i="$(( (b[4]+b[5]) - (a[4]+a[5]) ))" 'BEGIN { printf "%.0f", ((u + i) > 0 ? 100 * u / (u + i) : 0) }'
}
# Waits (up to WAIT_QUIET seconds) until the machine is quiet; records a note when it is not.
wait_quiet() { # what
    local busy waited=0
    busy=$(cpu_busy)
    while (( busy > 15 && waited < WAIT_QUIET )); do
        (( waited == 0 )) && log "  CPUs ${busy}% busy with other work; waiting up to ${WAIT_QUIET}s for them to go idle"
        sleep 4
        waited=$((waited + 5))
        busy=$(cpu_busy)
    done
    if (( busy > 15 )); then
        NOTES+=("$1: other processes kept the CPUs ${busy}% busy just before it; its figures are disturbed")
    fi
}

NOTES=()
WORK_DIR=$(mktemp -d /tmp/factdesk-bench.XXXXXX)
SERVER_PID=""
KEYCLOAK_PID=""
stop_pid() {
    if [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; then
        kill "$1" 2>/dev/null || true
        for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$1" 2>/dev/null || true
    fi
}
cleanup() {
    local rc=$?
    stop_pid "$SERVER_PID"
    stop_pid "$KEYCLOAK_PID"
    image_release
    rm -rf "$WORK_DIR"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. Tools -----------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    log "installing wrk"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
for tool in wrk pgbench psql openssl curl java; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

# --- 2. Server jar ------------------------------------------------------------------------------
if [[ ! -f "$JAR" ]]; then
    log "building the server ($REPO_DIR)"
    (cd "$REPO_DIR" && ./mvnw -B -q package -DskipTests)
fi

# --- 3. Database --------------------------------------------------------------------------------
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$PG_DB" "$@"; }
if [[ -n "$KEEP_DB" ]]; then
    log "keeping database $PG_DB on $PG_HOST:$PG_PORT as the last run seeded it (BENCH_KEEP_DB; BENCH_SIZE=$SIZE as then)"
else
    log "recreating database $PG_DB on $PG_HOST:$PG_PORT"
    psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB"
fi

# --- 4. Keycloak and server ---------------------------------------------------------------------
# The project's launcher (src/test/java/org/factdesk/dev/KeycloakLauncher.java) runs a real
# Keycloak with the factdesk realm and the demo users; it reuses one already running on 8180.
REALM_URL="http://localhost:8180/realms/factdesk"
log "starting Keycloak through the project's launcher (log: bench/out/keycloak.log)"
(cd "$REPO_DIR" && ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK_DIR/classpath.txt" >/dev/null)
(cd "$REPO_DIR" && exec java -cp "target/test-classes:target/classes:$(cat "$WORK_DIR/classpath.txt")" \
    org.factdesk.dev.KeycloakLauncher >"$OUT_DIR/keycloak.log" 2>&1) &
KEYCLOAK_PID=$!
deadline=$(( $(date +%s) + 300 ))
until grep -q "Keycloak is ready" "$OUT_DIR/keycloak.log" 2>/dev/null; do
    if ! kill -0 "$KEYCLOAK_PID" 2>/dev/null || (( $(date +%s) > deadline )); then
        echo "Keycloak did not start; see bench/out/keycloak.log" >&2
        exit 1
    fi
    sleep 1
done

if curl -s -o /dev/null "$BASE_URL/"; then
    echo "something already listens on 127.0.0.1:$HTTP_PORT; stop it or set BENCH_HTTP_PORT" >&2
    exit 2
fi
if curl -s -o /dev/null "$MANAGEMENT_URL/"; then
    echo "something already listens on 127.0.0.1:$MANAGEMENT_PORT; stop it or set BENCH_MANAGEMENT_PORT" >&2
    exit 2
fi

# The background jobs are off: checkpoints (measured once, below), scheduled publications, and the meaning
# worker, which would otherwise embed every seeded claim while the scenarios run (a million at size: an hour of
# one core, ONNX and the claim table's indexes; the figure is in bench/README.md).
wait_quiet "time to ready"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
server_command "$JAVA_OPTS" "$JAR"
log "starting ${IMAGE_ROOT:-$JAR} on port $HTTP_PORT (log: bench/out/server.log)"
START_NS=$(date +%s%N)
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" \
QUARKUS_OIDC_AUTH_SERVER_URL="$REALM_URL" \
FACTDESK_SERVER_CLIENT_SECRET=factdesk-local-dev-secret \
QUARKUS_HTTP_PORT="$HTTP_PORT" \
QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
FACTDESK_AUDIT_CHECKPOINT_EVERY=off \
FACTDESK_PUBLISHING_POLL_EVERY=off \
FACTDESK_INTAKE_MEANING_EVERY=off \
    "${SERVER_COMMAND[@]}" >"$OUT_DIR/server.log" 2>&1 &
SERVER_PID=$!

deadline=$(( $(date +%s) + READY_TIMEOUT ))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$MANAGEMENT_URL/q/health/ready" || true)" == 200 ]]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "the server exited before it was ready; tail of bench/out/server.log:" >&2
        tail -30 "$OUT_DIR/server.log" >&2
        SERVER_PID=""
        exit 1
    fi
    if (( $(date +%s) > deadline )); then
        echo "the server was not ready after ${READY_TIMEOUT}s; see bench/out/server.log" >&2
        exit 1
    fi
    sleep 0.05
done
READY_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
RSS_READY_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")
# The server's JVM as `java -version` names it (the image's own JDK when it runs in the image).
SERVER_JVM=$(exe=$(readlink "/proc/$SERVER_PID/exe")
    if [[ -n "$IMAGE_ROOT" ]]; then chroot "$IMAGE_ROOT" "${exe#"$IMAGE_ROOT"}" -version; else "$exe" -version; fi 2>&1 | head -1)
log "server ready after ${READY_MS} ms (pid $SERVER_PID, RSS $((RSS_READY_KB / 1024)) MB)"

# --- 5. Tokens, minted once ---------------------------------------------------------------------
# Access tokens from Keycloak's password grant for demo users (the launcher makes them last an hour).
mint() { # user
    curl -s -d grant_type=password -d client_id=factdesk-web -d username="$1" -d password="$1" \
        "$REALM_URL/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
TOKEN_CHECKER=$(mint alice)     # factchecker
TOKEN_REVIEWER=$(mint bob)      # reviewer
TOKEN_EDITOR=$(mint carol)      # editor
TOKEN_ADMIN=$(mint dave)        # admin: the audit trail's verification and checkpoints
# alice's subject, from src/main/keycloak/demo/factdesk-users-0.json: the assignee of seeded tickets.
CHECKER=a11ce000-0000-4000-8000-000000000001

for pair in "checker:$TOKEN_CHECKER" "reviewer:$TOKEN_REVIEWER" "editor:$TOKEN_EDITOR" "admin:$TOKEN_ADMIN"; do
    code=$(curl -s -o "$WORK_DIR/probe.json" -w '%{http_code}' -H "Authorization: Bearer ${pair#*:}" \
        "$BASE_URL/api/tickets?size=1")
    if [[ "$code" != 200 ]]; then
        echo "token of bench-${pair%%:*} refused: HTTP $code $(cat "$WORK_DIR/probe.json"); see bench/out/server.log" >&2
        exit 1
    fi
done
log "tokens accepted"

# --- 6. Seed data -------------------------------------------------------------------------------
# At size: first SIZE tickets of a desk's three years (the seeder shared with bench/metrics-at-size.sh: every
# ticket's life as events with valid hash chains, ~10 a ticket, the desk metrics' rollups); ids 1..SIZE.
if (( SIZE > 0 )) && [[ -z "$KEEP_DB" ]]; then
    log "seeding $SIZE tickets of history (MetricsAtSize)"
    seed_start=$(date +%s)
    (cd "$REPO_DIR" && java -cp "target/test-classes:target/classes:$(cat "$WORK_DIR/classpath.txt")" \
        org.factdesk.deskmetrics.MetricsAtSize seed "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" "$PG_USER" "$PG_PASSWORD" "$SIZE")
    SEED_S=$(( $(date +%s) - seed_start ))
fi
# Two pools, in this id order: OPEN tickets for claim-next and the list reads, then IN_PROGRESS
# tickets for release, each ticket with the start of its audit chain (bench/sql/seed.sql).
# reset_pools puts both pools back before each run, so that the HTTP and the SQL run of a scenario
# start from the same rows.
if [[ -z "$KEEP_DB" ]]; then
    log "seeding $OPEN_TICKETS open and $RELEASE_TICKETS in-progress tickets"
    psql_db -v open_n="$OPEN_TICKETS" -v release_n="$RELEASE_TICKETS" -v checker="$CHECKER" -f "$SQL_DIR/seed.sql"
fi
if [[ -n "$KEEP_DB" ]]; then
    # The last run's scenarios left the pools moved (released tickets open): seed.sql numbered them in this order.
    OPEN_LO=$((SIZE + 1)) OPEN_HI=$((SIZE + OPEN_TICKETS)) REL_LO=$((SIZE + OPEN_TICKETS + 1)) REL_HI=$((SIZE + OPEN_TICKETS + RELEASE_TICKETS))
else
    read -r OPEN_LO OPEN_HI REL_LO REL_HI < <(psql_db -At -F ' ' -c "
        SELECT min(id) FILTER (WHERE status = 'OPEN'), max(id) FILTER (WHERE status = 'OPEN'),
               min(id) FILTER (WHERE status = 'IN_PROGRESS'), max(id) FILTER (WHERE status = 'IN_PROGRESS')
        FROM ticket WHERE id > $SIZE")
fi
if (( OPEN_HI >= REL_LO || REL_HI - REL_LO + 1 != RELEASE_TICKETS )); then
    echo "unexpected pool ids: open $OPEN_LO..$OPEN_HI, release $REL_LO..$REL_HI" >&2; exit 1
fi

reset_pools() { # release-pool assignee
    psql_db -v open_lo="$OPEN_LO" -v open_hi="$OPEN_HI" -v rel_lo="$REL_LO" -v rel_hi="$REL_HI" \
        -v who="$1" -f "$SQL_DIR/reset-pools.sql"
}
audit_count() { psql_db -At -c "SELECT count(*) FROM audit_event"; }
MAX_ID=$REL_HI
log "database: $(psql_db -At -c "SELECT pg_size_pretty(pg_database_size(current_database())) || ', ' || (SELECT count(*) FROM ticket) || ' tickets, ' || (SELECT count(*) FROM audit_event) || ' audit events'")"

# --- 7/8. Load scripts --------------------------------------------------------------------------
# wrk runs bench/lua/<scenario>.lua, pgbench bench/sql/<scenario>.sql (the same work straight
# against the database). The Lua scripts read the tokens and the release pool from the environment.
export WRK_TOKEN_REVIEWER=$TOKEN_REVIEWER WRK_TOKEN_CHECKER=$TOKEN_CHECKER WRK_FIRST_ID=$REL_LO WRK_THREADS=$THREADS \
    WRK_MAX_ID=$MAX_ID

# --- Runners ------------------------------------------------------------------------------------
# wrk prints latencies like 812.00us, 3.41ms, 1.02s: to milliseconds.
to_ms() { awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
    else if (v ~ /m$/) printf "%.2f", v * 60000; else if (v ~ /s$/) printf "%.2f", v * 1000; else print "?" }'; }

# CPU time (user + system) the server process has used so far, in ms.
server_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$SERVER_PID/stat"; }

# run_wrk NAME LUA CLIENTS PATH -> sets W_RPS W_P50 W_P90 W_P99 W_REQ W_ERR W_CPU (server CPU ms per request)
run_wrk() {
    local name=$1 lua=$2 clients=$3 path=$4 out="$OUT_DIR/wrk-$1-c$3.txt" cpu0 jit0 jit
    cpu0=$(server_cpu_ms)
    jit0=$(jit_cpu_ms)
    wrk -t"$THREADS" -c"$clients" -d"${DURATION}s" --timeout "${HTTP_TIMEOUT}s" --latency -s "$lua" \
        "$BASE_URL$path" >"$out" 2>&1 || true
    W_CPU=$(( $(server_cpu_ms) - cpu0 ))
    jit=$(( $(jit_cpu_ms) - jit0 ))
    if (( jit * 100 > DURATION * 1000 * JIT_QUIET )); then
        NOTES+=("$name c=$clients (HTTP): the JIT compiler used ${jit} ms of CPU during the run; the server was not yet at steady state")
    fi
    W_RPS=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")
    W_P50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
    W_P90=$(to_ms "$(awk '$1 == "90%" {print $2}' "$out")")
    W_P99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
    W_REQ=$(awk '/requests in/ {print $1}' "$out")
    local non2xx socket
    non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' "$out")
    socket=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
    W_ERR=$(( ${non2xx:-0} + ${socket:-0} ))
    [[ -n "$W_RPS" ]] || { echo "wrk failed for $name; see $out" >&2; cat "$out" >&2; W_RPS=0; W_REQ=0; }
    W_CPU=$(awk -v ms="$W_CPU" -v n="$W_REQ" 'BEGIN { if (n > 0) printf "%.2f", ms / n; else print "-" }')
    log "  HTTP $name c=$clients: $W_RPS req/s, p50 $W_P50 ms, p90 $W_P90 ms, p99 $W_P99 ms, $W_REQ requests, $W_ERR errors, server CPU $W_CPU ms/request"
}

# run_pgbench NAME SQL CLIENTS -> sets S_TPS S_AVG S_P50 S_P99 S_TX S_ERR
# (script variables: n = 0 and nclients for per-client strides, first_id = the release pool's first id,
#  max_id = the highest ticket id)
run_pgbench() {
    local name=$1 sql=$2 clients=$3 out="$OUT_DIR/pgbench-$1-c$3.txt" logdir="$WORK_DIR/pglog-$1-$3"
    mkdir -p "$logdir"
    pgbench -n -c "$clients" -j "$THREADS" -T "$DURATION" -D n=0 -D nclients="$clients" -D first_id="$REL_LO" -D max_id="$MAX_ID" -f "$sql" \
        --log --log-prefix="$logdir/tx" "$PG_DB" >"$out" 2>&1 || true
    S_TPS=$(awk '/^tps = / {printf "%.0f", $3}' "$out")
    S_AVG=$(awk '/^latency average = / {printf "%.2f", $4}' "$out")
    S_TX=$(awk -F': *' '/number of transactions actually processed/ {split($2, a, "/"); print a[1]}' "$out")
    local aborted failed
    aborted=$(grep -c 'client [0-9]* aborted' "$out" || true)
    failed=$(awk -F': *' '/number of failed transactions/ {print $2 + 0}' "$out")
    S_ERR=$(( aborted + ${failed:-0} ))
    read -r S_P50 S_P99 < <(cat "$logdir"/tx.* | awk '{print $3}' | sort -n | awk '
        { v[NR] = $1 } END { if (NR == 0) { print "? ?"; exit }
          i50 = int(NR * 0.50); if (i50 < 1) i50 = 1; i99 = int(NR * 0.99); if (i99 < 1) i99 = 1;
          printf "%.2f %.2f\n", v[i50] / 1000, v[i99] / 1000 }')
    rm -rf "$logdir"
    [[ -n "$S_TPS" ]] || { echo "pgbench failed for $name; see $out" >&2; cat "$out" >&2; S_TPS=0; S_TX=0; }
    log "  SQL  $name c=$clients: $S_TPS tps, avg $S_AVG ms, p50 $S_P50 ms, p99 $S_P99 ms, $S_TX transactions, $S_ERR errors"
}

# CPU time (ms) the server's JIT compiler threads have used so far. Compiler threads come and go
# (-XX:+UseDynamicNumberOfCompilerThreads), so a difference of two readings can dip below zero.
jit_cpu_ms() {
    local ticks=0 task
    for task in /proc/"$SERVER_PID"/task/*; do
        [[ "$(cat "$task/comm" 2>/dev/null)" == C[12]" CompilerThre"* ]] || continue
        ticks=$(( ticks + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0) ))
    done
    echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

warm() { # lua path
    wrk -t"$THREADS" -c8 -d"${WARMUP}s" -s "$1" "$BASE_URL$2" >/dev/null 2>&1 || true
}

ROWS=()
wants() { [[ " $SCENARIOS " == *" $1 "* ]]; }
# check_writes NAME SIDE DONE BEFORE CLIENTS: each successful request or transaction appends one audit
# event (wrk does not count the requests still in flight when it stops: up to CLIENTS more).
check_writes() {
    local written
    written=$(( $(audit_count) - $4 ))
    if (( written < $3 || written > $3 + $5 )); then
        NOTES+=("$1 ($2): $3 successful requests/transactions but $written audit events written (pool exhausted, or failures)")
    fi
}

# --- The fresh process ----------------------------------------------------------------------------
# A replica started by a deploy or a scale-up meets the queue at once: claim-next at 32 clients in the first
# FIRST seconds of traffic the process ever serves, compared in the report with the warmed-up figure.
if wants claim-next && (( FIRST > 0 )); then
    reset_pools "$CHECKER"
    log "claim-next in the first ${FIRST}s of traffic on the fresh process (32 connections)"
    wrk -t"$THREADS" -c32 -d"${FIRST}s" --timeout "${HTTP_TIMEOUT}s" --latency -s "$LUA_DIR/claim-next.lua" \
        "$BASE_URL/api/tickets/claim-next" >"$OUT_DIR/wrk-claim-next-first.txt" 2>&1 || true
    FIRST_RPS=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$OUT_DIR/wrk-claim-next-first.txt")
    log "  HTTP claim-next c=32, first ${FIRST}s: ${FIRST_RPS:-?} req/s"
fi

# --- Warm-up ------------------------------------------------------------------------------------
# A JVM on two cores keeps compiling for minutes under load, and a server measured while its JIT
# compiler still competes for the cores is measured below its steady state. Before each scenario,
# rounds of load on its endpoint repeat until the compiler is quiet (or WARMUP_MAX passes, which
# leaves a note). Each scenario is warmed just before it is measured, as JMH does: code that
# another endpoint made hot is recompiled for this one's profile.
warm_until_quiet() { # name lua path
    (( WARMUP > 0 )) || return 0
    local warmed_s=0 jit0 round0 round_ms jit_ms share
    while :; do
        reset_pools "$CHECKER"
        jit0=$(jit_cpu_ms)
        round0=$(date +%s%N)
        warm "$2" "$3"
        round_ms=$(( ($(date +%s%N) - round0) / 1000000 ))
        jit_ms=$(( $(jit_cpu_ms) - jit0 ))
        share=$(( jit_ms < 0 ? 0 : 100 * jit_ms / round_ms ))
        warmed_s=$(( warmed_s + round_ms / 1000 ))
        (( share >= JIT_QUIET && warmed_s < WARMUP_MAX )) || break
    done
    log "  warmed up $1 for ${warmed_s}s (8 connections); the JIT compiler used ${share}% of a CPU in the last ${WARMUP}s"
    if (( share >= JIT_QUIET )); then
        NOTES+=("$1: warm-up ended after ${warmed_s}s with the JIT compiler still at ${share}% of a CPU")
    fi
}

# --- Scenarios ------------------------------------------------------------------------------------
# A read (nothing to put back between runs): warmed, then over HTTP and in SQL at 8 and at 32 clients.
# read_scenario SCENARIO ROW PATH   (bench/lua/SCENARIO.lua and bench/sql/SCENARIO.sql; ROW names the table's row)
read_scenario() {
    wants "$1" || return 0
    warm_until_quiet "$1" "$LUA_DIR/$1.lua" "$3"
    reset_pools "$CHECKER"
    local c
    for c in 8 32; do
        wait_quiet "$1 c=$c (HTTP)"
        run_wrk "$1" "$LUA_DIR/$1.lua" "$c" "$3"
        wait_quiet "$1 c=$c (SQL)"
        run_pgbench "$1" "$SQL_DIR/$1.sql" "$c"
        ROWS+=("$2|$c|$W_RPS|$W_P50|$W_P99|$W_ERR|$W_CPU|$S_TPS|$S_P50|$S_P99|$S_ERR")
    done
}

wants list && log "ticket list reads"
read_scenario list list-open-20 "/api/tickets?status=OPEN&size=20"

wants claim-next && log "claim-next" && warm_until_quiet claim-next "$LUA_DIR/claim-next.lua" "/api/tickets/claim-next"
wants claim-next && for c in 32 8; do
    reset_pools "$CHECKER"
    wait_quiet "claim-next c=$c (HTTP)"
    before=$(audit_count)
    run_wrk claim-next "$LUA_DIR/claim-next.lua" "$c" "/api/tickets/claim-next"
    check_writes "claim-next c=$c" HTTP $((W_REQ - W_ERR)) "$before" "$c"
    reset_pools bench-sql
    wait_quiet "claim-next c=$c (SQL)"
    before=$(audit_count)
    run_pgbench claim-next "$SQL_DIR/claim-next.sql" "$c"
    check_writes "claim-next c=$c" SQL "$S_TX" "$before" 0
    ROWS+=("claim-next|$c|$W_RPS|$W_P50|$W_P99|$W_ERR|$W_CPU|$S_TPS|$S_P50|$S_P99|$S_ERR")
done

wants release && log "transition: release (IN_PROGRESS -> OPEN)" && warm_until_quiet release "$LUA_DIR/release.lua" "/"
wants release && for c in 8 32; do
    reset_pools "$CHECKER"
    wait_quiet "release c=$c (HTTP)"
    before=$(audit_count)
    run_wrk release "$LUA_DIR/release.lua" "$c" "/"
    check_writes "release c=$c" HTTP $((W_REQ - W_ERR)) "$before" "$c"
    reset_pools bench-sql
    wait_quiet "release c=$c (SQL)"
    before=$(audit_count)
    run_pgbench release "$SQL_DIR/release.sql" "$c"
    check_writes "release c=$c" SQL "$S_TX" "$before" 0
    ROWS+=("release|$c|$W_RPS|$W_P50|$W_P99|$W_ERR|$W_CPU|$S_TPS|$S_P50|$S_P99|$S_ERR")
done

# Reads that grow with the desk's past: a ticket's history (any ticket, at random), search (bench/lua/search.lua
# for the queries), and the public feed as anonymous readers see it when it has not changed: the page itself, and
# the page revalidated with its ETag (304).
wants history && log "ticket history"
read_scenario history history "/"
wants search && log "search"
read_scenario search search "/"

if wants feed; then
    log "public feed, anonymous"
    export WRK_FEED_ETAG=""
    warm_until_quiet feed "$LUA_DIR/feed.lua" "/feeds/feed.json"
    for etag in "" "$(curl -s -o /dev/null -D - "$BASE_URL/feeds/feed.json" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')"; do
        export WRK_FEED_ETAG=$etag
        name=feed; [[ -n "$etag" ]] && name=feed-304
        wait_quiet "$name c=32 (HTTP)"
        run_wrk "$name" "$LUA_DIR/feed.lua" 32 "/feeds/feed.json"
        wait_quiet "$name c=32 (SQL)"
        run_pgbench "$name" "$SQL_DIR/feed.sql" 32
        ROWS+=("$name|32|$W_RPS|$W_P50|$W_P99|$W_ERR|$W_CPU|$S_TPS|$S_P50|$S_P99|$S_ERR")
    done
fi

# Intake end to end: POST /api/articles with an ordinary article (the sample repeated) and with texts built
# to be expensive (the worst ones of bench/intake.sh), each INTAKE_CHARS characters long; the server's CPU time
# and the wall time per post, median of INTAKE_RUNS after one unmeasured post.
INTAKE_ROWS=()
intake_text() { # unit -> the unit repeated to INTAKE_CHARS characters, in $WORK_DIR/intake.txt
    local text=$1
    while (( ${#text} < INTAKE_CHARS )); do text=$text$text; done
    printf '%s' "${text:0:INTAKE_CHARS}" > "$WORK_DIR/intake.txt"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
post_article() { # article n -> "cpu_ms wall_ms"
    jq -n --rawfile text "$WORK_DIR/intake.txt" --arg url "https://bench.example.org/$1/$2" \
        '{url: $url, language: "en", format: "text", text: $text}' > "$WORK_DIR/intake.json"
    local cpu0 t0 code
    cpu0=$(server_cpu_ms)
    t0=$(date +%s%N)
    code=$(curl -s -o "$WORK_DIR/intake-answer.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN_EDITOR" \
        -H 'Content-Type: application/json' --data-binary @"$WORK_DIR/intake.json" "$BASE_URL/api/articles")
    if [[ "$code" != 201 ]]; then
        echo "intake $1: HTTP $code $(head -c 300 "$WORK_DIR/intake-answer.json")" >&2
        exit 1
    fi
    echo "$(( $(server_cpu_ms) - cpu0 )) $(( ($(date +%s%N) - t0) / 1000000 ))"
}
if wants intake; then
    log "intake: articles of $INTAKE_CHARS characters"
    export LC_ALL=C.UTF-8   # ${#text} counts characters, not bytes
    sample=$(cat "$REPO_DIR/src/main/resources/demo/sample-article.txt")
    declare -A INTAKE_UNITS=([ordinary]="$sample"$'\n\n' ["according to x"]="according to x " ['“x”']='“x” '
        ["a"]="a " ["people familiar"]="people familiar with the talks " ["?” Smith said"]='?” Smith said ')
    i=0
    for name in ordinary "according to x" '“x”' a "people familiar" "?” Smith said"; do
        i=$((i + 1))
        intake_text "${INTAKE_UNITS[$name]}"
        post_article "$i" 0 > /dev/null
        wait_quiet "intake $name"
        cpus=() walls=()
        for n in $(seq 1 "$INTAKE_RUNS"); do
            read -r cpu wall < <(post_article "$i" "$n")
            [[ -n "$cpu" ]] || exit 1
            cpus+=("$cpu") walls+=("$wall")
        done
        INTAKE_ROWS+=("$name|$(printf '%s\n' "${cpus[@]}" | median)|$(printf '%s\n' "${cpus[@]}" | sort -n | head -1)|$(printf '%s\n' "${cpus[@]}" | sort -n | tail -1)|$(printf '%s\n' "${walls[@]}" | median)")
    done
fi

# One similarity search (the embedding model is loaded on first use), so that the memory figure counts it.
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN_REVIEWER" \
    "$BASE_URL/api/similar?text=Unemployment%20doubled%20in%20the%20region%20last%20year"
RSS_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")
HWM_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")

# The whole audit trail, once each: /api/audit/verify (every chain recomputed, streamed) and the first checkpoint
# (every event digested), with the server's peak resident memory during each, against the same reads in SQL
# (psql \copy to /dev/null: the rows the server reads, in its order).
AUDIT_ROWS=()
peak_rss_while() { # pid-to-watch -> the server's highest VmRSS (kB) while that process runs
    local peak=0 rss
    while kill -0 "$1" 2>/dev/null; do
        rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")
        (( rss > peak )) && peak=$rss
        sleep 0.2
    done
    echo "$peak"
}
timed_audit() { # name method path expected-status sql
    local t0 ms code peak events sql_ms
    wait_quiet "$1"
    rss0=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")
    t0=$(date +%s%N)
    curl -s --max-time 3600 -X "$2" -H "Authorization: Bearer $TOKEN_ADMIN" "$BASE_URL$3" \
        -o "$OUT_DIR/audit-$1.json" -w '%{http_code}' > "$WORK_DIR/audit-code" &
    peak=$(peak_rss_while $!)
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    code=$(cat "$WORK_DIR/audit-code")
    [[ "$code" == "$4" ]] || NOTES+=("audit $1: HTTP $code, expected $4 (bench/out/audit-$1.json)")
    events=$(audit_count)
    wait_quiet "$1 (SQL)"
    t0=$(date +%s%N)
    psql_db -c "\\copy ($5) TO '/dev/null'"
    sql_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    AUDIT_ROWS+=("$1|$events|$ms|$sql_ms|$((rss0 / 1024))|$((peak / 1024))")
    log "  $1: $events events in $ms ms over HTTP (HTTP $code), $sql_ms ms in SQL; RSS $((rss0 / 1024)) MB before, peak $((peak / 1024)) MB"
}
if wants audit; then
    log "the whole audit trail"
    timed_audit verify GET /api/audit/verify 200 "SELECT id, stream, seq, ticket_id, occurred_at, actor, action, from_status, to_status, changes::text, prev_hash, hash FROM audit_event ORDER BY ticket_id NULLS FIRST, stream, seq"
    timed_audit checkpoint POST /api/audit/checkpoints 201 "SELECT e.id, e.hash FROM audit_event e WHERE e.txid >= 0 AND e.txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint ORDER BY e.txid, e.id"
fi
SERVER_ERRORS=$(grep -c ' ERROR ' "$OUT_DIR/server.log" || true)

# --- Report ---------------------------------------------------------------------------------------
echo
echo "Factdesk benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, ${DURATION}s per run, wrk -t$THREADS, pgbench -j$THREADS"
echo "load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo '?'), $SERVER_JVM${IMAGE_ROOT:+ in the image ($IMAGE_ROOT)}${JAVA_OPTS:+, JVM options: $JAVA_OPTS}"
echo "PostgreSQL: $(psql_db -At -c 'SHOW server_version') at $PG_HOST:$PG_PORT/$PG_DB; $OPEN_TICKETS open + $RELEASE_TICKETS in-progress tickets\
$( (( SIZE > 0 )) && echo " after $SIZE tickets of history (${SEED_S:+seeded in ${SEED_S}s}${KEEP_DB:+kept from the last run})")"
echo
fmt='%-13s %7s %10s %8s %8s %7s %8s %9s %8s %8s %7s %9s\n'
printf "$fmt" scenario clients "HTTP req/s" "p50 ms" "p99 ms" errors "CPU ms" "SQL tps" "p50 ms" "p99 ms" errors "HTTP/SQL"
printf "$fmt" ------------- ------- ---------- -------- -------- ------- -------- --------- -------- -------- ------- ---------
declare -A RPS RATIO P99 SQL_P99
for row in "${ROWS[@]}"; do
    IFS='|' read -r name c rps p50 p99 err cpu tps sp50 sp99 serr <<<"$row"
    ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    RPS[$name-$c]=$rps
    RATIO[$name-$c]=$ratio
    P99[$name-$c]=$p99
    SQL_P99[$name-$c]=$sp99
    printf "$fmt" "$name" "$c" "$rps" "$p50" "$p99" "$err" "$cpu" "$tps" "$sp50" "$sp99" "$serr" "$ratio"
done
echo "(HTTP: wrk, latency per request; CPU ms = server process CPU time per request. SQL: pgbench, latency per transaction."
echo " errors: HTTP non-2xx responses + socket errors/timeouts; SQL aborted clients. HTTP/SQL = req/s over tps.)"
echo
verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }
echo "targets (issue 21):"
wants claim-next && echo "  claim-next throughput at 32 clients >= 0.8 x SQL:  ratio ${RATIO[claim-next-32]} -> $(verdict "${RATIO[claim-next-32]} >= 0.8")"
if wants claim-next && [[ -n "${FIRST_RPS:-}" ]]; then
    first_ratio=$(awk -v a="$FIRST_RPS" -v b="${RPS[claim-next-32]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print 0 }')
    echo "  claim-next in the first ${FIRST}s >= 0.8 x warmed:   $FIRST_RPS / ${RPS[claim-next-32]} req/s = $first_ratio -> $(verdict "$first_ratio >= 0.8")"
fi
for c in 8 32; do
    wants release && echo "  release throughput at $c clients >= 0.75 x SQL:     ratio ${RATIO[release-$c]} -> $(verdict "${RATIO[release-$c]} >= 0.75")"
done
for row in "${ROWS[@]}"; do
    IFS='|' read -r name c _ <<<"$row"
    echo "  $name at $c clients: HTTP p99 <= 1.5 x SQL p99:  ${P99[$name-$c]} / ${SQL_P99[$name-$c]} ms -> $(verdict "${P99[$name-$c]} <= 1.5 * ${SQL_P99[$name-$c]}")"
done
at_most() { # name clients ms-limit: the row's HTTP p99 under the limit (the issue's figures at a million tickets)
    [[ -n "${P99[$1-$2]:-}" ]] && echo "  $1 at $2 clients: HTTP p99 < $3 ms:            ${P99[$1-$2]} ms -> $(verdict "${P99[$1-$2]} < $3")"
    return 0
}
for c in 8 32; do at_most list-open-20 "$c" 50; at_most search "$c" 50; at_most history "$c" 20; done
for name in feed feed-304; do
    [[ -n "${RPS[$name-32]:-}" ]] && echo "  $name at 32 clients >= 5,000 req/s:             ${RPS[$name-32]} req/s -> $(verdict "${RPS[$name-32]} >= 5000")"
done
echo "  time to ready <= 3 s:                              $(awk -v ms="$READY_MS" 'BEGIN { printf "%.2f", ms / 1000 }') s -> $(verdict "$READY_MS <= 3000")"
echo "  resident memory after the run <= 300 MB:           $((RSS_KB / 1024)) MB -> $(verdict "$RSS_KB <= 300 * 1024")"
echo
if (( ${#INTAKE_ROWS[@]} > 0 )); then
    echo "intake, POST /api/articles of $INTAKE_CHARS characters (server CPU ms per post: median, min-max of $INTAKE_RUNS; wall ms median):"
    ordinary_cpu=""
    worst_cpu=0 worst_name=""
    for row in "${INTAKE_ROWS[@]}"; do
        IFS='|' read -r name cpu lo hi wall <<<"$row"
        printf '  %-18s %7s ms CPU (%s-%s)  %7s ms wall\n' "$name" "$cpu" "$lo" "$hi" "$wall"
        if [[ -z "$ordinary_cpu" ]]; then ordinary_cpu=$cpu; elif (( cpu > worst_cpu )); then worst_cpu=$cpu worst_name=$name; fi
    done
    echo "  worst adversarial ($worst_name) / ordinary: $(awk -v a="$worst_cpu" -v b="$ordinary_cpu" 'BEGIN { printf "%.2f", a / b }') (target at most 1.5)"
    echo
fi
if (( ${#AUDIT_ROWS[@]} > 0 )); then
    echo "the whole audit trail (server: one request; SQL: the same rows read with psql \\copy to /dev/null):"
    for row in "${AUDIT_ROWS[@]}"; do
        IFS='|' read -r name events ms sql_ms rss0 peak <<<"$row"
        printf '  %-10s %10s events: %8s ms (%s events/s); SQL %s ms (%s events/s); RSS %s MB before, peak %s MB\n' "$name" "$events" "$ms" \
            "$(( events * 1000 / (ms + 1) ))" "$sql_ms" "$(( events * 1000 / (sql_ms + 1) ))" "$rss0" "$peak"
    done
    echo
fi
echo "time to ready: $(awk -v ms="$READY_MS" 'BEGIN { printf "%.2f", ms / 1000 }') s"
echo "resident memory: $((RSS_KB / 1024)) MB after the run (peak $((HWM_KB / 1024)) MB, $((RSS_READY_KB / 1024)) MB when ready)"
echo "server log: $SERVER_ERRORS ERROR lines (bench/out/server.log)"
for note in "${NOTES[@]}"; do echo "note: $note"; done
echo
echo "raw wrk and pgbench outputs: bench/out/wrk-*.txt, bench/out/pgbench-*.txt"
