-- wrk script for GET /api/search?q=..., as the reviewer. Three searches in four are for a claim by its words and
-- number ("claim 4711": a handful of hits, and the claims whose number starts with it); one in four is for a
-- common word ("economy": a topic of one claim in five of the at-size history). bench/sql/search.sql draws the same.
local max_id = assert(tonumber(os.getenv("WRK_MAX_ID")), "WRK_MAX_ID not set")
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("WRK_TOKEN_REVIEWER"), "WRK_TOKEN_REVIEWER not set")
wrk.headers["Accept"] = "application/json"
function init()
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
end
function request()
    if math.random(0, 3) == 0 then
        return wrk.format(nil, "/api/search?q=economy")
    end
    return wrk.format(nil, "/api/search?q=claim%20" .. math.random(1, max_id))
end
