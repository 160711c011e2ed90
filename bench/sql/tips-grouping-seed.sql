-- Fills the tips inbox for bench/tips-grouping.sh (psql -f): :tips tips in :groups groups, texts recombined
-- from the ClaimBuster sentences in bench_corpus (loaded by the script). Group g's text joins the first half
-- of one sentence to the second half of another; its tips ask the same in four wordings, by three channels.
-- Groups are skewed as rumours are: tip n belongs to group floor(groups * (n / tips)^2) + 1, so group 1 has
-- about 700 of 100,000 tips and the last ones one or two; the biggest groups were asked most recently.
-- Every tenth group is dismissed; a third of the tips keep a contact (with consent), as the public would.
CREATE TEMP TABLE words AS
SELECT row_number() OVER (ORDER BY id) - 1 AS i, regexp_split_to_array(text, '\s+') AS w FROM bench_corpus;

CREATE TEMP TABLE group_text AS
SELECT g, array_to_string(a.w[1:greatest(1, cardinality(a.w) / 2)] || b.w[cardinality(b.w) / 2 + 1:], ' ') AS text
FROM generate_series(1, :groups + :extra) g
CROSS JOIN (SELECT count(*) AS n FROM words) c
JOIN words a ON a.i = g % c.n
JOIN words b ON b.i = (g / c.n * 2311 + g * 7 + 1) % c.n;

CREATE TEMP TABLE seeded_tip AS
SELECT n, least(:groups, floor(:groups * (n::float8 / :tips) ^ 2)::int + 1) AS g FROM generate_series(1, :tips) n;

INSERT INTO tip_group (id, text, language, first_at, last_at, tip_count, dismissed_at, dismissed_by)
SELECT t.g, gt.text, 'en', now() - interval '30 days', now() - t.g * interval '1 minute', count(*),
       CASE WHEN t.g % 10 = 0 THEN now() END, CASE WHEN t.g % 10 = 0 THEN 'bench-seed' END
FROM seeded_tip t JOIN group_text gt ON gt.g = t.g
GROUP BY t.g, gt.text ORDER BY t.g;
\o /dev/null
SELECT setval(pg_get_serial_sequence('tip_group', 'id'), (SELECT max(id) FROM tip_group));
\o

INSERT INTO tip (group_id, channel, text, links, language, received_at, token_hash, contact, contact_salt, consent)
SELECT t.g, (ARRAY['web', 'email', 'tipline-bench'])[1 + t.n % 3],
       CASE t.n % 4 WHEN 0 THEN gt.text
                    WHEN 1 THEN 'Is it true that ' || lower(gt.text) || '?'
                    WHEN 2 THEN gt.text || ' Please check this.'
                    ELSE 'Someone told me: ' || gt.text END,
       CASE WHEN t.n % 5 = 0 THEN ARRAY['https://social.example/post/' || t.n] ELSE '{}' END, 'en',
       g.last_at - (row_number() OVER (PARTITION BY t.g ORDER BY t.n) - 1) * interval '10 seconds',
       sha256(('bench-tip-' || t.n)::bytea),
       CASE WHEN t.n % 3 = 0 THEN 'bench-' || t.n || '@example.org' END,
       CASE WHEN t.n % 3 = 0 THEN sha256(('bench-contact-salt-' || t.n)::bytea) END,
       t.n % 3 = 0
FROM seeded_tip t JOIN group_text gt ON gt.g = t.g JOIN tip_group g ON g.id = t.g
ORDER BY t.n;

UPDATE tip_group g SET first_at = f.first_at FROM (SELECT group_id, min(received_at) AS first_at FROM tip GROUP BY group_id) f
WHERE f.group_id = g.id;

-- The texts of new tips the benchmark groups: a rewording of an existing group's text (it joins that group)
-- and recombinations no group has (each starts a group of its own).
CREATE TABLE bench_new_tip AS
SELECT 'match' AS kind, g AS k, 'Is it true that ' || lower(text) || '? A friend sent me this.' AS text
FROM group_text WHERE g <= :groups AND g % 997 = 1
UNION ALL
SELECT 'new', g, text FROM group_text WHERE g > :groups;
