-- The offset a prior review's publication time was written in ('+02:00', 'Z'), so that the desk
-- sees the time as the fact-checker published it; null when the source gave a date or no offset.
ALTER TABLE prior_review ADD COLUMN reviewed_at_offset text
    CHECK (reviewed_at_offset ~ '^(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)$');
