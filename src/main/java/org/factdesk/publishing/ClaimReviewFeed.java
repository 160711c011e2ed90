package org.factdesk.publishing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

/** A DataFeed of ClaimReview items, as fact-check aggregators read it. */
@Singleton
class ClaimReviewFeed extends FeedWriter {

    ClaimReviewFeed() {
        super("claimreview", "application/ld+json", "claimreview.json");
    }

    @Override
    String write(FeedService.FeedPage page, FeedQuery query) {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("@context", "https://schema.org");
        feed.put("@type", "DataFeed");
        feed.put("name", feedTitle());
        feed.put("url", self(query));
        page.items().stream().findFirst().ifPresent(first -> feed.put("dateModified", first.updated().toString()));
        ArrayNode elements = feed.putArray("dataFeedElement");
        page.items().forEach(fc -> {
            ObjectNode element = claimReview.of(fc);
            element.remove("@context");
            elements.add(element);
        });
        if (page.hasNext()) {
            feed.put("nextUrl", next(query, page));
        }
        return json(feed);
    }
}
