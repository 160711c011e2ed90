-- pgbench script: what GET /feeds/feed.json reads for a page that has not changed (FeedService.version): the feed's
-- version, one row (migration V29); the page itself is rendered once per version and kept in memory.
SELECT changes, changed_at FROM feed_version;
