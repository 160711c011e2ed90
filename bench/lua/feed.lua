-- wrk script for GET /feeds/feed.json as an anonymous reader of a page that does not change. With WRK_FEED_ETAG
-- set, the reader sends it back (If-None-Match) and gets 304 Not Modified, as a feed reader or a cache does.
wrk.method = "GET"
wrk.headers["Accept"] = "application/feed+json"
local etag = os.getenv("WRK_FEED_ETAG")
if etag and etag ~= "" then
    wrk.headers["If-None-Match"] = etag
end
