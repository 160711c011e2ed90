-- Issue 16: search across claims, tickets, articles and prior reviews (GET /api/search) matches
-- ILIKE '%…%' on these columns; trigram GIN indexes answer such a match without reading every row
-- (claim.text has one since V1). Each branch of the search ORs its columns, which the planner
-- answers with a BitmapOr only when every column has an index.
CREATE INDEX claim_claimant_trgm ON claim USING gin (claimant gin_trgm_ops);
CREATE INDEX verdict_headline_trgm ON verdict_version USING gin (headline gin_trgm_ops);
CREATE INDEX verdict_summary_trgm ON verdict_version USING gin (summary gin_trgm_ops);
CREATE INDEX article_title_trgm ON article USING gin (title gin_trgm_ops);
CREATE INDEX article_outlet_trgm ON article USING gin (outlet gin_trgm_ops);
CREATE INDEX article_url_trgm ON article USING gin (url gin_trgm_ops);
CREATE INDEX prior_review_claim_text_trgm ON prior_review USING gin (claim_text gin_trgm_ops);
CREATE INDEX prior_review_claimant_trgm ON prior_review USING gin (claimant gin_trgm_ops);
CREATE INDEX prior_review_publisher_trgm ON prior_review USING gin (publisher gin_trgm_ops);
