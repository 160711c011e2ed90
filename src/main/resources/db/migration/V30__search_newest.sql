-- Search shows the newest hits first. A common word matches a tenth of a million claims; with these indexes the
-- planner can read each kind newest first and stop at the page (SearchService.Hits.newestSql) instead of fetching
-- and sorting every hit. The tickets' branch needs none: its hits are the few verdicts that match and one number.
CREATE INDEX claim_newest ON claim (updated_at DESC, id DESC);
CREATE INDEX article_newest ON article (created_at DESC, id DESC);
CREATE INDEX prior_review_newest ON prior_review (imported_at DESC, id DESC);
