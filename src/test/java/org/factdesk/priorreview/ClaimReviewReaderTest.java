package org.factdesk.priorreview;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                 {"@type": "ClaimReview", "url": "javascript:alert(1)", "claimReviewed": "z"},
                 {"@type": "ClaimReview", "url": "/relative/without/page", "claimReviewed": "r"}]
                """;
        ClaimReviewReader.Result result = reader.read(feed, false);
        assertEquals(1, result.reviews().size());
        assertEquals(4, result.errors().size());
        assertEquals("claimReviewed is missing", result.errors().get(0).detail());
        assertEquals("https://a.example/no-claim", result.errors().get(0).reference());
        assertEquals(1, result.errors().get(0).index());
        assertEquals("url is missing", result.errors().get(1).detail());
        assertEquals("url is not an http(s) URL: javascript:alert(1)", result.errors().get(2).detail());
        assertEquals("url is relative (/relative/without/page) and the page's address is unknown", result.errors().get(3).detail());
    }

    @Test
    void aBadOptionalFieldIsLeftOutWithAWarningAndTheItemIsRead() {
        String feed = """
                [{"@type": "ClaimReview", "url": "https://a.example/bad-number", "claimReviewed": "x",
                  "reviewRating": {"ratingValue": "three", "alternateName": "False"}},
                 {"@type": "ClaimReview", "url": "https://a.example/bad-date", "claimReviewed": "y",
                  "datePublished": "the day before yesterday",
                  "itemReviewed": {"@type": "Claim", "datePublished": "2024-03-05T14:30:00+0200 (CET)",
                                   "appearance": {"url": "javascript:alert(1)"}},
                  "author": {"name": "Checker", "url": "/about"}}]
                """;
        ClaimReviewReader.Result result = reader.read(feed, false);
        assertEquals(List.of(), result.errors());
        assertEquals(2, result.reviews().size());
        assertNull(result.reviews().get(0).ratingValue());
        assertEquals("False", result.reviews().get(0).rating());
        ClaimReviewReader.Review second = result.reviews().get(1);
        assertNull(second.reviewedAt());
        assertNull(second.claimDate());
        assertNull(second.appearanceUrl());
        assertNull(second.publisherUrl());
        assertEquals("Checker", second.publisher());
        assertEquals(List.of(
                new ClaimReviewReader.ItemWarning(0, "https://a.example/bad-number", "reviewRating.ratingValue is not a number: three; left out"),
                new ClaimReviewReader.ItemWarning(1, "https://a.example/bad-date", "datePublished is not a date: the day before yesterday; left out"),
                new ClaimReviewReader.ItemWarning(1, "https://a.example/bad-date",
                        "itemReviewed.datePublished is not a date: 2024-03-05T14:30:00+0200 (CET); left out"),
                new ClaimReviewReader.ItemWarning(1, "https://a.example/bad-date",
                        "itemReviewed.appearance.url is not an http(s) URL: javascript:alert(1); left out"),
                new ClaimReviewReader.ItemWarning(1, "https://a.example/bad-date",
                        "author.url is relative (/about) and the page's address is unknown; left out")),
                result.warnings());
    }

    @Test
    void publicationTimesKeepTheirMomentAndTheOffsetTheyWereWrittenIn() {
        Map<String, String[]> forms = new LinkedHashMap<>();
        forms.put("2024-03-05T14:30:00+0200", new String[]{"2024-03-05T12:30:00Z", "+02:00"});
        forms.put("2024-03-05T14:30:00.123-0330", new String[]{"2024-03-05T18:00:00.123Z", "-03:30"});
        forms.put("2024-03-05 14:30:00 +02", new String[]{"2024-03-05T12:30:00Z", "+02:00"});
        forms.put("2024-03-05T14:30:00+02:00[Europe/Paris]", new String[]{"2024-03-05T12:30:00Z", "+02:00"});
        forms.put("2024-03-05 14:30:00", new String[]{"2024-03-05T14:30:00Z", null});
        forms.put("2024-03-05 14:30 UTC", new String[]{"2024-03-05T14:30:00Z", "Z"});
        forms.put("2024/3/5 09:05", new String[]{"2024-03-05T09:05:00Z", null});
        forms.put("Tue, 5 Mar 2024 14:30:00 +0200", new String[]{"2024-03-05T12:30:00Z", "+02:00"});
        forms.put("March 5, 2024", new String[]{"2024-03-05T00:00:00Z", null});
        forms.put("2024-03-05", new String[]{"2024-03-05T00:00:00Z", null});
        forms.forEach((written, expected) -> {
            String item = "{\"@type\": \"ClaimReview\", \"url\": \"https://a.example/t\", \"claimReviewed\": \"t\","
                    + " \"datePublished\": \"" + written + "\"}";
            ClaimReviewReader.Result result = reader.read(item, false);
            assertEquals(List.of(), result.warnings(), written);
            assertEquals(Instant.parse(expected[0]), result.reviews().get(0).reviewedAt(), written);
            assertEquals(expected[1], result.reviews().get(0).reviewedAtOffset(), written);
        });
    }

    @Test
    void urlsResolveAgainstThePageAndItsBaseTag() {
        String page = """
                <html lang="de"><head><base href="https://cdn.checker.example/de/">
                <script type="application/ld+json">
                {"@type": "ClaimReview", "url": "faktencheck/1", "claimReviewed": "Relativ",
                 "author": {"@type": "Organization", "name": "Checker", "url": "//checker.example/"},
                 "itemReviewed": {"@type": "Claim", "appearance": "www.news.example/story"}}
                </script></head></html>
                """;
        ClaimReviewReader.Review review = reader.read(page, true, "http://checker.example/de/page").reviews().get(0);
        assertEquals("https://cdn.checker.example/de/faktencheck/1", review.reviewUrl());
        assertEquals("https://checker.example/", review.publisherUrl(), "protocol-relative takes the base's scheme");
        assertEquals("https://www.news.example/story", review.appearanceUrl());
        assertEquals("de", review.language());
        assertEquals("https://checker.example/page.html",
                reader.read("[{\"@type\": \"ClaimReview\", \"url\": \"page.html\", \"claimReviewed\": \"c\"}]", false,
                        "https://checker.example/feed.json").reviews().get(0).reviewUrl());
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
