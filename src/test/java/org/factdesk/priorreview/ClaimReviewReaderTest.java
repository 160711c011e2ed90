package org.factdesk.priorreview;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ClaimReview as it is really published: shapes, sloppy values, bad items beside good ones. */
class ClaimReviewReaderTest {

    final ClaimReviewReader reader = new ClaimReviewReader(new ObjectMapper());

    static final String SINGLE = """
            {"@context": "https://schema.org", "@type": "ClaimReview",
             "url": "https://checker.example/reviews/bridge",
             "claimReviewed": "The new bridge cost 2 billion euros.",
             "datePublished": "2024-03-05",
             "inLanguage": "en",
             "author": {"@type": "Organization", "name": "Checker Example", "url": "https://checker.example"},
             "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Jane Mayor"},
                              "datePublished": "2024-03-01",
                              "appearance": [{"@type": "CreativeWork", "url": "https://news.example/bridge"}]},
             "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                              "alternateName": "Mostly false"}}
            """;

    @Test
    void readsACompleteClaimReview() {
        ClaimReviewReader.Result result = reader.read(SINGLE, false);
        assertEquals(0, result.errors().size(), result.errors().toString());
        ClaimReviewReader.Review review = result.reviews().get(0);
        assertEquals("https://checker.example/reviews/bridge", review.reviewUrl());
        assertEquals("The new bridge cost 2 billion euros.", review.claimText());
        assertEquals("Jane Mayor", review.claimant());
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), review.claimDate());
        assertEquals("https://news.example/bridge", review.appearanceUrl());
        assertEquals("Checker Example", review.publisher());
        assertEquals("https://checker.example", review.publisherUrl());
        assertEquals("Mostly false", review.rating());
        assertEquals(2.0, review.ratingValue());
        assertEquals(5.0, review.bestRating());
        assertEquals(1.0, review.worstRating());
        assertEquals(Instant.parse("2024-03-05T00:00:00Z"), review.reviewedAt());
        assertEquals("en", review.language());
    }

    @Test
    void toleratesStringNumbersCreativeWorkNonIsoDatesAndMissingOptionalFields() {
        String feed = """
                {"@context": "http://schema.org", "@type": "DataFeed", "dataFeedElement": [
                  {"@type": "DataFeedItem", "item": [
                    {"@type": ["ClaimReview"], "url": "https://a.example/1", "claimReviewed": "Claim one",
                     "datePublished": "March 5, 2024",
                     "itemReviewed": {"@type": "CreativeWork", "author": "Some Senator", "datePublished": "05 Mar 2024"},
                     "reviewRating": {"ratingValue": "1", "bestRating": "5", "worstRating": "1", "alternateName": "False"},
                     "author": [{"name": "A Checker"}]}]},
                  {"@type": "DataFeedItem", "item": {"@type": "schema:ClaimReview", "url": "https://a.example/2",
                     "claimReviewed": "Claim two", "datePublished": "Tue, 5 Mar 2024 10:15:00 GMT"}},
                  {"@type": "ClaimReview", "url": "https://a.example/3", "claimReviewed": "Claim three",
                   "datePublished": "2024-03-05T10:15:00", "reviewRating": {"ratingValue": ""}}
                ]}
                """;
        ClaimReviewReader.Result result = reader.read(feed, false);
        assertEquals(0, result.errors().size(), result.errors().toString());
        assertEquals(3, result.reviews().size());
        ClaimReviewReader.Review first = result.reviews().get(0);
        assertEquals("Some Senator", first.claimant());
        assertEquals(Instant.parse("2024-03-05T00:00:00Z"), first.claimDate());
        assertEquals(Instant.parse("2024-03-05T00:00:00Z"), first.reviewedAt());
        assertEquals(1.0, first.ratingValue());
        assertEquals("A Checker", first.publisher());
        ClaimReviewReader.Review second = result.reviews().get(1);
        assertEquals(Instant.parse("2024-03-05T10:15:00Z"), second.reviewedAt());
        assertNull(second.rating());
        assertNull(second.claimant());
        assertEquals(Instant.parse("2024-03-05T10:15:00Z"), result.reviews().get(2).reviewedAt());
        assertNull(result.reviews().get(2).ratingValue());
    }

    @Test
    void aBadItemIsNamedAndTheGoodOnesAreStillRead() {
        String feed = """
                [{"@type": "ClaimReview", "url": "https://a.example/ok", "claimReviewed": "Fine claim"},
                 {"@type": "ClaimReview", "url": "https://a.example/no-claim"},
                 {"@type": "ClaimReview", "claimReviewed": "No URL"},
                 {"@type": "ClaimReview", "url": "https://a.example/bad-number", "claimReviewed": "x",
                  "reviewRating": {"ratingValue": "three"}},
                 {"@type": "ClaimReview", "url": "https://a.example/bad-date", "claimReviewed": "y",
                  "datePublished": "the day before yesterday"},
                 {"@type": "ClaimReview", "url": "javascript:alert(1)", "claimReviewed": "z"}]
                """;
        ClaimReviewReader.Result result = reader.read(feed, false);
        assertEquals(1, result.reviews().size());
        assertEquals(5, result.errors().size());
        assertEquals("claimReviewed is missing", result.errors().get(0).detail());
        assertEquals("https://a.example/no-claim", result.errors().get(0).reference());
        assertEquals(1, result.errors().get(0).index());
        assertEquals("url is missing", result.errors().get(1).detail());
        assertEquals("reviewRating.ratingValue is not a number: three", result.errors().get(2).detail());
        assertEquals("datePublished is not a date: the day before yesterday", result.errors().get(3).detail());
        assertTrue(result.errors().get(4).detail().startsWith("url is not an http(s) URL"));
    }

    @Test
    void readsJsonLdBlocksOfAnHtmlPageAndClaimsCarryingTheirReviews() {
        String page = """
                <html><head>
                <script type="application/ld+json">{"@type": "WebSite", "name": "not a review"}</script>
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "Claim", "text": "Wind turbines cause cancer", "author": {"name": "A Blogger"},
                   "review": [{"@type": "ClaimReview", "url": "https://b.example/wind",
                               "reviewRating": {"alternateName": "False"}}]}]}
                </script>
                <script type="application/ld+json">{ broken json </script>
                </head><body><p>Article</p></body></html>
                """;
        ClaimReviewReader.Result result = reader.read(page, true);
        assertEquals(1, result.reviews().size());
        assertEquals("Wind turbines cause cancer", result.reviews().get(0).claimText());
        assertEquals("A Blogger", result.reviews().get(0).claimant());
        assertEquals(1, result.errors().size());
        assertEquals("JSON-LD block 2", result.errors().get(0).reference());
        assertTrue(result.errors().get(0).detail().startsWith("not valid JSON"));
    }

    @Test
    void saysWhyNothingWasFound() {
        assertEquals("the page holds no JSON-LD block", reader.read("<html><body>hi</body></html>", true).errors().get(0).detail());
        assertEquals("no ClaimReview found", reader.read("{\"@type\": \"NewsArticle\"}", false).errors().get(0).detail());
        assertTrue(reader.read("{not json", false).errors().get(0).detail().startsWith("not valid JSON"));
    }
}
