-- Intake ranks an article's sentences and proposes the desk's chosen number of them, rather than every
-- sentence over a fixed score.
ALTER TABLE desk_settings
    ADD COLUMN candidates_per_article int NOT NULL DEFAULT 10 CHECK (candidates_per_article BETWEEN 1 AND 200);
