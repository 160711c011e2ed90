#!/usr/bin/env bash
# Start-up and memory of the packaged server (issue 19's budget): time to ready (process start to
# /q/health/ready 200, PostgreSQL already up), resident memory when ready, and after one analysis of the
# sample article and one similar-claim search, which load the models that are loaded on first use
# (sentence embeddings, language detection). BENCH_FOOTPRINT_RUNS runs (3), each on a fresh database and
# process. Compare builds with BENCH_JAR=path/to/quarkus-run.jar. Prints "footprint:" lines.
set -euo pipefail
BENCH_NAME=footprint
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS=${BENCH_FOOTPRINT_RUNS:-3}
rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
python3 -c 'import json,sys; print(json.dumps({"url": "https://news.example/footprint", "language": "en",
    "text": open(sys.argv[1]).read()}))' "$REPO_DIR/src/main/resources/demo/sample-article.txt" > "$WORK_DIR/article.json"

ready=() rss_ready=() rss_after=()
for run in $(seq 1 "$RUNS"); do
    start_server
    ready+=("$(awk -v ms="$READY_MS" 'BEGIN { printf "%.2f", ms / 1000 }')")
    rss_ready+=("$(rss_mb)")
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN_EDITOR" -H 'Content-Type: application/json' \
        --data @"$WORK_DIR/article.json" "$BASE_URL/api/articles"
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN_EDITOR" -G --data-urlencode \
        "text=The city now spends twice as much on roads as four years ago." "$BASE_URL/api/similar"
    rss_after+=("$(rss_mb)")
    log "run $run: ready after ${ready[-1]} s, RSS ${rss_ready[-1]} MB when ready, ${rss_after[-1]} MB after one analysis and one search"
    kill "$SERVER_PID"
    while kill -0 "$SERVER_PID" 2>/dev/null; do sleep 0.1; done
    SERVER_PID=""
done
echo "footprint: time to ready (s):            $(printf '%s\n' "${ready[@]}" | stats)"
echo "footprint: RSS when ready (MB):          $(printf '%s\n' "${rss_ready[@]}" | stats)"
echo "footprint: RSS after analysis+search (MB): $(printf '%s\n' "${rss_after[@]}" | stats)"
