-- Reviewed content (issue "one door, one record"): what a reviewer approved is what is published.

-- An appearance found while the claim's content was frozen (in review, approved, published) stays
-- beside the claim, outside the reviewed content, until the ticket goes back to work.
ALTER TABLE claim_appearance ADD COLUMN found_later boolean NOT NULL DEFAULT false;

-- A published version freezes all of its public content: besides the claim text and claimant it
-- already kept, the claim's language, topics and appearances.
ALTER TABLE verdict_version
    ADD COLUMN claim_language text,
    ADD COLUMN claim_topics   varchar[],
    ADD COLUMN appearances    jsonb;

-- Versions published before this migration take the claim as it is now: the best record there is.
UPDATE verdict_version v
SET claim_language = c.language,
    claim_topics   = c.topics,
    appearances    = COALESCE((SELECT jsonb_agg(jsonb_build_object('url', a.url, 'appearedAt', a.appeared_at) ORDER BY a.id)
                               FROM claim_appearance a WHERE a.claim_id = c.id), '[]'::jsonb)
FROM ticket t JOIN claim c ON c.id = t.claim_id
WHERE v.ticket_id = t.id AND v.state = 'PUBLISHED';

-- Feeds filter on the frozen topics of each ticket's latest version.
CREATE INDEX verdict_version_topics ON verdict_version USING gin (claim_topics) WHERE state = 'PUBLISHED';
