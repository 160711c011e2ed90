# Shared by the single-purpose benchmarks (bench/tips.sh, bench/tips-grouping.sh): a scratch database,
# the packaged server started against it with a key made for the run, and figures as "median (min–max)".
# Source it after setting BENCH_NAME; it sets REPO_DIR, OUT_DIR, WORK_DIR, BASE_URL, TOKEN_EDITOR, TOKEN_ADMIN.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
OUT_DIR="$BENCH_DIR/out"
mkdir -p "$OUT_DIR"
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_PASSWORD=${BENCH_PG_PASSWORD:-postgres}
PG_DB=${BENCH_DB:-factdesk_bench_${BENCH_NAME//-/_}}   # a scratch database, dropped and created on every run
HTTP_PORT=${BENCH_HTTP_PORT:-8089}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-9089}
JAR=${BENCH_JAR:-$REPO_DIR/target/quarkus-app/quarkus-run.jar}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
source "$BENCH_DIR/image.sh"   # server_command: the jar, or the server in the image (BENCH_IMAGE_ROOT)
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-180}
BASE_URL="http://127.0.0.1:$HTTP_PORT"
MANAGEMENT_URL="http://127.0.0.1:$MANAGEMENT_PORT"

case "$PG_DB" in
    *bench*) ;;
    *) echo "BENCH_DB='$PG_DB': refusing to drop a database whose name does not contain 'bench'" >&2; exit 2 ;;
esac
export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER PGPASSWORD=$PG_PASSWORD
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
for tool in psql openssl curl java awk; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

WORK_DIR=$(mktemp -d "/tmp/factdesk-$BENCH_NAME-bench.XXXXXX")
SERVER_PID=""
cleanup() {
    local rc=$?
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 300); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK_DIR"
    image_release
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$PG_DB" "$@"; }

# stats: numbers on stdin -> "median (min–max)"
stats() { sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%7.2f (%.2f–%.2f)", m, v[1], v[NR] }'; }

# Builds the jar if missing, recreates the database, and starts the server with the extra
# environment given as arguments (NAME=value ...); waits until it is ready (READY_MS: from starting the
# process). The server trusts a key made here (no Keycloak); TOKEN_EDITOR and TOKEN_ADMIN are carol's and dave's tokens signed with it.
start_server() {
    if [[ -z "$IMAGE_ROOT" && ! -f "$JAR" ]]; then
        log "building the server ($REPO_DIR)"
        (cd "$REPO_DIR" && ./mvnw -B -q package -DskipTests)
    fi
    if [[ -n "${BENCH_KEEP_DB:-}" ]]; then
        log "keeping database $PG_DB on $PG_HOST:$PG_PORT as the last run left it (BENCH_KEEP_DB)"
    else
        log "recreating database $PG_DB on $PG_HOST:$PG_PORT"
        psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB"
    fi
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK_DIR/key.pem" 2>/dev/null
    local public_key issuer=https://factdesk.bench/issuer now header payload signature
    public_key=$(openssl pkey -in "$WORK_DIR/key.pem" -pubout -outform DER | base64 -w0)
    b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
    now=$(date +%s)
    header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
    mint() { # subject, username, role -> a token signed with the run's key
        payload=$(printf '{"iss":"%s","sub":"%s","aud":"factdesk-api","preferred_username":"%s","realm_access":{"roles":["%s"]},"iat":%d,"exp":%d}' \
            "$issuer" "$1" "$2" "$3" "$now" $((now + 7200)) | b64url)
        signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK_DIR/key.pem" -binary | b64url)
        printf '%s.%s.%s' "$header" "$payload" "$signature"
    }
    TOKEN_EDITOR=$(mint ca401000-0000-4000-8000-000000000003 carol editor)
    TOKEN_ADMIN=$(mint da7e0000-0000-4000-8000-000000000004 dave admin)
    for url in "$BASE_URL/" "$MANAGEMENT_URL/"; do
        if curl -s -o /dev/null "$url"; then echo "something already listens at $url; set BENCH_HTTP_PORT / BENCH_MANAGEMENT_PORT" >&2; exit 2; fi
    done
    local start_ns
    server_command "$JAVA_OPTS" "$JAR"
    log "starting ${IMAGE_ROOT:-$JAR} on port $HTTP_PORT (log: bench/out/$BENCH_NAME-server.log)"
    start_ns=$(date +%s%N)
    env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
        QUARKUS_DATASOURCE_USERNAME="$PG_USER" QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" \
        QUARKUS_OIDC_AUTH_SERVER_URL="" QUARKUS_OIDC_PUBLIC_KEY="$public_key" QUARKUS_OIDC_TOKEN_ISSUER="$issuer" \
        QUARKUS_HTTP_PORT="$HTTP_PORT" QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
        FACTDESK_AUDIT_CHECKPOINT_EVERY=off FACTDESK_PUBLISHING_POLL_EVERY=off "$@" \
        "${SERVER_COMMAND[@]}" >"$OUT_DIR/$BENCH_NAME-server.log" 2>&1 &
    SERVER_PID=$!
    local deadline=$(( $(date +%s) + READY_TIMEOUT ))
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$MANAGEMENT_URL/q/health/ready" || true)" == 200 ]]; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null || (( $(date +%s) > deadline )); then
            echo "the server did not become ready; tail of bench/out/$BENCH_NAME-server.log:" >&2
            tail -30 "$OUT_DIR/$BENCH_NAME-server.log" >&2
            exit 1
        fi
        sleep 0.05
    done
    READY_MS=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    log "server ready after $READY_MS ms"
}
