-- pgbench script: what GET /api/search?q=... runs (SearchService: every kind, newest first): the first page of 20
-- and one more hit (each kind's newest 21, then the newest of them), then the capped total only when the page does
-- not end the hits (Counts.ofPage: a last page tells its total). The query is drawn as bench/lua/search.lua draws
-- it: three in four "claim <n>", one in four "economy" (\gset makes it a variable, substituted into the patterns
-- below). The claims' text is looked up as the server does at size (CommonWords): "claim <n>" through its rare word,
-- <n>, then checked whole, unless <n> has fewer digits than a looked-up word's 3 characters (then, as "economy",
-- common there, the whole query); the other columns are looked up whole (their tables are empty here). `read`
-- counts the branches' hits, of which the page is the newest 21: more than 20 exactly when the page is full.
\set n random(1, :max_id)
\set common random(0, 3)
SELECT CASE WHEN :common = 0 THEN 'economy' ELSE 'claim ' || :n END AS q,
       CASE WHEN :common = 0 THEN 'economy' WHEN :n < 100 THEN 'claim ' || :n ELSE CAST(:n AS text) END AS word \gset
\set read 0
BEGIN;
SELECT *, count(*) OVER () AS read FROM (
    (SELECT 'CLAIM' AS kind, c.id, t.id AS ticket_id, t.status, left(c.text, 300) AS title,
           left(c.claimant, 300) AS snippet, c.updated_at AS at
    FROM claim c LEFT JOIN ticket t ON t.claim_id = c.id
    WHERE (c.text ILIKE '%:word%' AND strpos(lower(c.text), lower(':q')) > 0) OR c.claimant ILIKE '%:q%'
    ORDER BY at DESC, id DESC LIMIT 21)
    UNION ALL
    (SELECT 'TICKET' AS kind, t.id, t.id AS ticket_id, t.status, left(c.text, 300) AS title,
           left((SELECT v.headline FROM verdict_version v WHERE v.ticket_id = t.id
                 ORDER BY v.number DESC NULLS FIRST LIMIT 1), 300) AS snippet, t.updated_at AS at
    FROM ticket t JOIN claim c ON c.id = t.claim_id
    WHERE t.id IN (SELECT v.ticket_id FROM verdict_version v WHERE v.headline ILIKE '%:q%' OR v.summary ILIKE '%:q%'
                   UNION ALL SELECT CAST(NULL AS bigint))
    ORDER BY at DESC, id DESC LIMIT 21)
    UNION ALL
    (SELECT 'ARTICLE' AS kind, a.id, NULL, NULL, left(coalesce(a.title, a.url), 300), left(a.outlet, 300), a.created_at AS at
    FROM article a WHERE a.title ILIKE '%:q%' OR a.outlet ILIKE '%:q%' OR a.url ILIKE '%:q%'
    ORDER BY at DESC, id DESC LIMIT 21)
    UNION ALL
    (SELECT 'PRIOR_REVIEW' AS kind, r.id, NULL, NULL, left(r.claim_text, 300), left(r.publisher, 300), r.imported_at AS at
    FROM prior_review r WHERE r.claim_text ILIKE '%:q%' OR r.claimant ILIKE '%:q%' OR r.publisher ILIKE '%:q%'
    ORDER BY at DESC, id DESC LIMIT 21)
) hits ORDER BY at DESC, kind, id DESC LIMIT 21 OFFSET 0 \aset
\if :read > 20
SELECT count(*) FROM (
    SELECT c.id FROM claim c LEFT JOIN ticket t ON t.claim_id = c.id
    WHERE (c.text ILIKE '%:word%' AND strpos(lower(c.text), lower(':q')) > 0) OR c.claimant ILIKE '%:q%'
    UNION ALL
    SELECT t.id FROM ticket t JOIN claim c ON c.id = t.claim_id
    WHERE t.id IN (SELECT v.ticket_id FROM verdict_version v WHERE v.headline ILIKE '%:q%' OR v.summary ILIKE '%:q%'
                   UNION ALL SELECT CAST(NULL AS bigint))
    UNION ALL
    SELECT a.id FROM article a WHERE a.title ILIKE '%:q%' OR a.outlet ILIKE '%:q%' OR a.url ILIKE '%:q%'
    UNION ALL
    SELECT r.id FROM prior_review r WHERE r.claim_text ILIKE '%:q%' OR r.claimant ILIKE '%:q%' OR r.publisher ILIKE '%:q%'
    LIMIT 1001) capped;
\endif
COMMIT;
