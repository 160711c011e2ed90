-- wrk script for POST /api/tickets/claim-next, as the fact-checker (token from bench/run.sh).
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("WRK_TOKEN_CHECKER"), "WRK_TOKEN_CHECKER not set")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
