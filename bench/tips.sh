#!/usr/bin/env bash
# Public tips endpoint: how many tips per second POST /public/tips takes on this machine with its rate
# limits off, each one grouped, stored with its receipt, in one durable transaction. Not a test: it
# prints figures (bench/out/tips.txt) and never fails a build. Settings: BENCH_* in bench/lib.sh and
# BENCH_TIPS_RUNS (measured runs per client count), BENCH_TIPS_SECONDS, BENCH_TIPS_CLIENTS.
set -euo pipefail
BENCH_NAME=tips
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS=${BENCH_TIPS_RUNS:-3}
SECONDS_PER_RUN=${BENCH_TIPS_SECONDS:-10}
CLIENTS=${BENCH_TIPS_CLIENTS:-8 32}
exec > >(tee "$OUT_DIR/tips.txt") 2>&1
command -v wrk >/dev/null || { echo "missing tool: wrk (apt-get install -y wrk)" >&2; exit 2; }

# The ClaimBuster sentences, as JSON strings, one a line (the Lua script picks from them).
DATASET=${BENCH_TIPS_DATASET:-$REPO_DIR/../shared/datasets/claimbuster/train.jsonl}
[[ -f "$DATASET" ]] || DATASET=/work/shared/datasets/claimbuster/train.jsonl
python3 -c 'import json,sys
for line in open(sys.argv[1]):
    print(json.dumps(json.loads(line)["text"]))' "$DATASET" > "$WORK_DIR/sentences.txt"
export WRK_TIPS_FILE="$WORK_DIR/sentences.txt"

start_server FACTDESK_TIPS_PER_ADDRESS_LIMIT=0 FACTDESK_TIPS_GLOBAL_LIMIT=0
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "warming up for 30 s at 8 clients (unmeasured)"
wrk -t2 -c8 -d30s -s "$BENCH_DIR/lua/tips.lua" "$BASE_URL" >/dev/null
declare -A RESULTS
for clients in $CLIENTS; do
    rates=()
    p99s=()
    for run in $(seq 1 "$RUNS"); do
        out=$(wrk -t2 -c"$clients" -d"${SECONDS_PER_RUN}s" --latency -s "$BENCH_DIR/lua/tips.lua" "$BASE_URL")
        created=$(awk '/^created/ { print $2 }' <<<"$out")
        refused=$(awk '/^created/ { print $4 }' <<<"$out")
        rate=$(awk -v n="$created" -v s="$SECONDS_PER_RUN" 'BEGIN { printf "%.1f", n / s }')
        p99=$(awk '/ 99%/ { v = $2; if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } print v }' <<<"$out")
        log "$clients clients, run $run: $created tips stored (${rate}/s), $refused refused, p99 ${p99} ms"
        rates+=("$rate")
        p99s+=("$p99")
    done
    RESULTS[$clients]="$(printf '%s\n' "${rates[@]}" | stats) tips/s, p99 $(printf '%s\n' "${p99s[@]}" | stats) ms"
done
stored=$(psql_db -At -c "SELECT count(*) FROM tip")
groups=$(psql_db -At -c "SELECT count(*) FROM tip_group")
echo
echo "POST /public/tips, limits off, ${SECONDS_PER_RUN}s runs x $RUNS (median (min–max)); load before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
for clients in $CLIENTS; do
    printf '  %3d clients: %s\n' "$clients" "${RESULTS[$clients]}"
done
echo "  stored: $stored tips in $groups groups (warm-up included)"
