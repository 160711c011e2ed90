-- The language the server detected in an article's text (null: none of the desk's languages clearly), beside the
-- one it was given; intake reads the text in the detected one.
ALTER TABLE article ADD COLUMN detected_language text;
