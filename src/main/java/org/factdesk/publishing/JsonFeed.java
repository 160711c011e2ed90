package org.factdesk.publishing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

/** JSON Feed 1.1, with the rating, retraction and corrections in a {@code _factdesk} extension. */
@Singleton
class JsonFeed extends FeedWriter {

    JsonFeed() {
        super("jsonfeed", "application/feed+json", "feed.json");
    }

    @Override
    String write(FeedService.FeedPage page, FeedQuery query) {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", feedTitle());
        feed.put("home_page_url", config.publisher().baseUrl() + "/");
        feed.put("feed_url", self(query));
        if (page.hasNext()) {
            feed.put("next_url", next(query, page));
        }
        feed.put("language", language(query));
        ArrayNode items = feed.putArray("items");
        for (PublishedFactCheck fc : page.items()) {
            ObjectNode item = items.addObject();
            item.put("id", claimReview.pageUrl(fc));
            item.put("url", claimReview.pageUrl(fc));
            item.put("title", title(fc));
            item.put("content_text", text(fc));
            item.put("summary", fc.retraction() != null ? "Retracted" : fc.rating().label() + ": " + fc.claimText());
            item.put("date_published", fc.firstPublished().toString());
            item.put("date_modified", fc.updated().toString());
            item.put("language", fc.language());
            ArrayNode tags = item.putArray("tags");
            fc.topics().forEach(tags::add);
            item.putObject("_factdesk").put("rating", fc.rating().label()).put("retracted", fc.retraction() != null)
                    .put("corrections", fc.corrections().size());
        }
        return json(feed);
    }
}
