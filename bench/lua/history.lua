-- wrk script for GET /api/tickets/{id}/history, as the reviewer: the first page (newest first) of a ticket
-- picked at random among all of them (1..WRK_MAX_ID), as a desk reads the trail of whatever it opens.
local max_id = assert(tonumber(os.getenv("WRK_MAX_ID")), "WRK_MAX_ID not set")
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("WRK_TOKEN_REVIEWER"), "WRK_TOKEN_REVIEWER not set")
wrk.headers["Accept"] = "application/json"
function init()
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
end
function request()
    return wrk.format(nil, "/api/tickets/" .. math.random(1, max_id) .. "/history")
end
