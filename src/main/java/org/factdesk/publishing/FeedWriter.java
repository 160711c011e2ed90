package org.factdesk.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import org.factdesk.common.FactdeskConfig;

import java.util.regex.Pattern;

/**
 * Writes one page of published fact-checks in one feed format; {@link FeedResource} serves each
 * writer with the same caching and conditional requests. What every format shares lives here:
 * the paging links, the entry's title and text, and the feed's language. Writers are singletons
 * (no client proxy), so {@link FeedResource} may read their fields.
 */
abstract class FeedWriter {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    /** The name the cache and ETag use, the media type served, and the file name under /feeds/. */
    final String format;
    final String mediaType;
    final String file;

    @Inject
    FactdeskConfig config;

    @Inject
    ClaimReviewJsonLd claimReview;

    FeedWriter(String format, String mediaType, String file) {
        this.format = format;
        this.mediaType = mediaType;
        this.file = file;
    }

    abstract String write(FeedService.FeedPage page, FeedQuery query);

    String feedTitle() {
        return config.publisher().name() + " fact-checks";
    }

    String url(FeedQuery query, int page) {
        return config.publisher().baseUrl() + "/feeds/" + file + query.queryAt(page);
    }

    String self(FeedQuery query) {
        return config.publisher().baseUrl() + "/feeds/" + file + query.self();
    }

    /** Next links page by key: as cheap at the archive's end as at its start, and stable while entries are added. */
    String next(FeedQuery query, FeedService.FeedPage page) {
        return config.publisher().baseUrl() + "/feeds/" + file + query.queryAfter(page.next());
    }

    /** A feed filtered by language is in that language; any other in the desk's (factdesk.publisher.language). */
    String language(FeedQuery query) {
        return query.language != null && LANGUAGE_TAG.matcher(query.language).matches()
                ? query.language : config.publisher().language();
    }

    static String title(PublishedFactCheck fc) {
        return fc.retraction() != null ? "Retracted: " + fc.headline() : fc.headline();
    }

    /** The entry's text: the claim and the verdict, the retraction notice, and any corrections. */
    static String text(PublishedFactCheck fc) {
        StringBuilder text = new StringBuilder("Claim: ").append(fc.claimText());
        if (fc.claimant() != null) {
            text.append(" (").append(fc.claimant()).append(')');
        }
        if (fc.retraction() != null) {
            text.append("\nThis fact-check has been retracted: ").append(fc.retraction().reason());
        } else {
            text.append("\nRating: ").append(fc.rating().label()).append("\n").append(fc.summary());
        }
        for (PublishedFactCheck.Correction correction : fc.corrections()) {
            text.append("\nCorrection (").append(correction.publishedAt()).append("): ").append(correction.note());
        }
        return text.toString();
    }

    static String json(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
