-- POST /public/tips with varied bodies: a third repeat one of 50 "rumours" (they join a group), the
-- rest are sentences of the ClaimBuster set (most start a group of their own); half give a contact
-- with consent. Every thread reads the sentences from WRK_TIPS_FILE (one JSON string per line).
local sentences = {}
local counts = {}
local thread_counts = {}

function setup(thread)
    table.insert(thread_counts, thread)
end

function init(args)
    for line in io.lines(os.getenv("WRK_TIPS_FILE")) do
        sentences[#sentences + 1] = line
    end
    math.randomseed(os.time() + math.floor(os.clock() * 1e6))
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    created = 0
    refused = 0
end

function request()
    local text
    if math.random() < 0.33 then
        text = sentences[math.random(50)]
    else
        text = sentences[math.random(#sentences)]
    end
    local body
    if math.random() < 0.5 then
        body = '{"text":' .. text .. ',"contact":"reader' .. math.random(1e6) .. '@example.org","consent":true}'
    else
        body = '{"text":' .. text .. ',"language":"en"}'
    end
    return wrk.format(nil, "/public/tips", nil, body)
end

function response(status, headers, body)
    if status == 201 then created = created + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
    local c, r = 0, 0
    for _, thread in ipairs(thread_counts) do
        c = c + thread:get("created")
        r = r + thread:get("refused")
    end
    io.write(string.format("created %d refused %d\n", c, r))
end
