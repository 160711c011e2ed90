-- wrk script for GET /api/tickets?status=OPEN&size=20, as the reviewer (token from bench/run.sh).
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("WRK_TOKEN_REVIEWER"), "WRK_TOKEN_REVIEWER not set")
wrk.headers["Accept"] = "application/json"
