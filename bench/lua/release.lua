-- wrk script for POST /api/tickets/{id}/release, as the fact-checker: each wrk thread walks its own
-- stride of the release pool, each ticket id once. bench/run.sh sets the token, the pool's first id
-- and the number of wrk threads in the environment.
local first_id = assert(tonumber(os.getenv("WRK_FIRST_ID")), "WRK_FIRST_ID not set")
local stride = assert(tonumber(os.getenv("WRK_THREADS")), "WRK_THREADS not set")
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("WRK_TOKEN_CHECKER"), "WRK_TOKEN_CHECKER not set")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local threads = 0
function setup(thread)
    thread:set("tid", threads)
    threads = threads + 1
end
local n = 0
function request()
    local id = first_id + n * stride + tid
    n = n + 1
    return wrk.format(nil, "/api/tickets/" .. id .. "/release")
end
