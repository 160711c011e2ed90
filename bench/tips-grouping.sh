#!/usr/bin/env bash
# Tips-grouping benchmark: with 100,000 tips in the inbox, how long (a) grouping one new tip takes (the
# statement TipIntake runs, TipIntake.GROUP_SQL) and (b) a page of GET /api/tips. Not a test: it prints
# figures (bench/out/tips-grouping.txt) and never fails a build.
# Usage: bench/tips-grouping.sh          (settings: BENCH_* below; PostgreSQL as for bench/list-at-size.sh)
set -euo pipefail

BENCH_NAME=tips-grouping
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SQL_DIR="$BENCH_DIR/sql"
TIPS=${BENCH_TIPS:-100000}                      # tips in the inbox
TIP_GROUPS=${BENCH_TIP_GROUPS:-20000}          # the groups they form
RUNS=${BENCH_TIPS_RUNS:-21}                     # measured requests and statements per figure
WARMUP=${BENCH_TIPS_WARMUP:-200}                # unmeasured requests before the HTTP figures (JIT)
THRESHOLD=${BENCH_TIPS_GROUP_THRESHOLD:-0.5}    # factdesk.tips.group-threshold
CORPUS=${BENCH_CORPUS:-$REPO_DIR/../shared/datasets/claimbuster/train.jsonl}
PAGE_PATH=${BENCH_TIPS_PATH:-/api/tips?size=20}
[[ -f "$CORPUS" ]] || { echo "no corpus at $CORPUS (set BENCH_CORPUS to the ClaimBuster train.jsonl)" >&2; exit 2; }
exec > >(tee "$OUT_DIR/tips-grouping.txt") 2>&1

# --- The statement TipIntake runs, read from its source so that the benchmark cannot drift from it ----
# SimilarityService.WANTED and TipIntake.GROUP_SQL are Java text blocks; :q and :threshold become psql
# variables (the server binds them as parameters).
text_block() { # file, line that opens the block -> the block's lines
    awk -v start="$2" 'index($0, start) { on = 1; next } on { if (index($0, "\"\"\"")) { sub(/""".*/, ""); print; exit } print }' "$1"
}
GROUP_SQL="$(text_block "$REPO_DIR/src/main/java/org/factdesk/similar/SimilarityService.java" 'String WANTED = """')
$(text_block "$REPO_DIR/src/main/java/org/factdesk/tip/TipIntake.java" 'String GROUP_SQL = ')"
# The words' side only (:ids, the groups nearest in meaning, come from the server's in-memory scan:
# bench/meaning.sh measures that); CANDIDATES is 5.
GROUP_SQL=$(sed -e "s/:q\b/:'q'/g" -e "s/:ids\b/''/g" -e "s/%d/5/" <<<"$GROUP_SQL")
grep -q "tip_group" <<<"$GROUP_SQL" || { echo "could not read GROUP_SQL from TipIntake.java" >&2; exit 1; }

start_server FACTDESK_TIPS_ANSWERS_EVERY=off FACTDESK_TIPS_RETENTION_EVERY=off
TOKEN=$TOKEN_EDITOR
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
