package org.factdesk.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.time.Instant;
import org.factdesk.common.FactdeskConfig;

/** schema.org ClaimReview for one published fact-check, with the fields Google documents. */
@ApplicationScoped
public class ClaimReviewJsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FactdeskConfig config;

    public String pageUrl(PublishedFactCheck factCheck) {
        return config.publisher().baseUrl() + FactCheckPage.path(factCheck.id(), factCheck.headline());
    }

    public ObjectNode of(PublishedFactCheck factCheck) {
        ObjectNode review = JSON.createObjectNode();
        review.put("@context", "https://schema.org");
        review.put("@type", "ClaimReview");
        review.put("url", pageUrl(factCheck));
        review.put("claimReviewed", factCheck.claimText());
        review.put("datePublished", iso(factCheck.firstPublished()));
        if (factCheck.language() != null) {
            review.put("inLanguage", factCheck.language());
        }
        if (factCheck.corrected()) {
            review.put("dateModified", iso(factCheck.lastPublished()));
        }
        review.putObject("author").put("@type", "Organization").put("name", config.publisher().name()).put("url", config.publisher().url());

        ObjectNode rating = review.putObject("reviewRating").put("@type", "Rating");
        PublishedFactCheck.PublicRating r = factCheck.rating();
        if (r.value() != null) {
            rating.put("ratingValue", r.value()).put("bestRating", r.best()).put("worstRating", r.worst());
        }
        rating.put("alternateName", factCheck.retraction() == null ? r.label() : "Retracted");
        rating.put("name", factCheck.retraction() == null ? r.label() : "Retracted");

        ObjectNode claim = review.putObject("itemReviewed").put("@type", "Claim");
        if (factCheck.claimant() != null) {
            claim.putObject("author").put("@type", "Person").put("name", factCheck.claimant());
        }
        // Google recommends it on every Claim; without a dated appearance, the day the desk took the claim up
        if (factCheck.claimDate() != null) {
            claim.put("datePublished", iso(factCheck.claimDate()));
        }
        factCheck.firstAppearance().ifPresent(first -> claim.set("firstAppearance", creativeWork(first)));
        ArrayNode appearances = claim.putArray("appearance");
        factCheck.appearances().forEach(a -> appearances.add(creativeWork(a)));
        ArrayNode citations = review.putArray("citation");
        for (PublishedFactCheck.Source source : factCheck.sources()) {
            ObjectNode cited = citations.addObject().put("@type", "CreativeWork").put("name", source.title())
                    .put("url", source.url());
            PublishedFactCheck.Preserved copy = source.preserved();
            if (copy != null && !copy.erased()) {
                // The copy the verdict relied on, with the SHA-256 of its WARC that the audit trail holds.
                cited.putObject("archivedAt").put("@type", "WebPage").put("url", config.publisher().baseUrl() + copy.path())
                        .put("dateCreated", iso(copy.capturedAt()))
                        .putObject("identifier").put("@type", "PropertyValue").put("propertyID", "sha256")
                        .put("value", copy.hex());
            }
        }
        return review;
    }

    /** The JSON for a {@code <script type="application/ld+json">} block: no "<", ">" or "&" can end it early. */
    public String forScript(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode creativeWork(PublishedFactCheck.Appearance appearance) {
        ObjectNode work = JSON.createObjectNode().put("@type", "CreativeWork").put("url", appearance.url());
        if (appearance.appearedAt() != null) {
            work.put("datePublished", iso(appearance.appearedAt()));
        }
        return work;
    }

    private static String iso(Instant instant) {
        return instant.toString();
    }
}
