package org.factdesk.priorreview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.StorableDate;

/**
 * Reads schema.org ClaimReview as other fact-checkers publish it: single objects, arrays,
 * {@code @graph}s, DataFeeds (with or without DataFeedItem wrappers), Claims carrying their
 * reviews, and HTML pages with JSON-LD blocks. Tolerates numbers as strings, {@code itemReviewed}
 * typed as CreativeWork, dates in common non-ISO forms, and missing optional fields. A bad item
 * becomes an error naming it; the good items are still read.
 */
public final class ClaimReviewReader {

    /** What one ClaimReview says, normalised. A value longer than the desk keeps makes the item an error. */
    public record Review(String reviewUrl, String claimText, String claimant, Instant claimDate, String appearanceUrl,
                         String publisher, String publisherUrl, String rating, Double ratingValue, Double bestRating,
                         Double worstRating, Instant reviewedAt, String language) {
        public Review {
            PriorReview.requireWithin("url", reviewUrl, HttpUrl.MAX_LENGTH);
            PriorReview.requireWithin("claimReviewed", claimText, PriorReview.CLAIM_TEXT_MAX);
            PriorReview.requireWithin("itemReviewed.author", claimant, PriorReview.CLAIMANT_MAX);
            PriorReview.requireWithin("itemReviewed.appearance", appearanceUrl, HttpUrl.MAX_LENGTH);
            PriorReview.requireWithin("author", publisher, PriorReview.PUBLISHER_MAX);
            PriorReview.requireWithin("author.url", publisherUrl, HttpUrl.MAX_LENGTH);
            PriorReview.requireWithin("reviewRating.alternateName", rating, PriorReview.RATING_MAX);
            PriorReview.requireWithin("inLanguage", language, PriorReview.LANGUAGE_MAX);
        }
    }

    /** Why item {@code index} (0-based, in document order) could not be read. */
    public record ItemError(int index, String reference, String detail) {
    }

    public record Result(List<Review> reviews, List<ItemError> errors) {
    }

    private static final DateTimeFormatter[] DATE_FORMS = {
            formatter("MMMM d, uuuu"), formatter("MMM d, uuuu"), formatter("d MMMM uuuu"), formatter("d MMM uuuu"),
            formatter("uuuu/M/d"), formatter("d/M/uuuu"), formatter("uuuu-M-d"), formatter("uuuuMMdd"),
    };

    private final ObjectMapper json;

    public ClaimReviewReader(ObjectMapper json) {
        this.json = json;
    }

    /** Reads a JSON document, or the JSON-LD blocks of an HTML page when {@code html} is true. */
    public Result read(String content, boolean html) {
        List<JsonNode> roots = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        if (html) {
            int block = 0;
            for (Element script : Jsoup.parse(content).select("script[type=application/ld+json]")) {
                try {
                    roots.add(json.readTree(script.data()));
                } catch (IOException e) {
                    errors.add(new ItemError(-1, "JSON-LD block " + block, "not valid JSON: " + firstLine(e.getMessage())));
                }
                block++;
            }
            if (roots.isEmpty() && errors.isEmpty()) {
                errors.add(new ItemError(-1, null, "the page holds no JSON-LD block"));
            }
        } else {
            try {
                roots.add(json.readTree(content));
            } catch (IOException e) {
                errors.add(new ItemError(-1, null, "not valid JSON: " + firstLine(e.getMessage())));
            }
        }
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode root : roots) {
            collect(root, null, found);
        }
        if (found.isEmpty() && errors.isEmpty()) {
            errors.add(new ItemError(-1, null, "no ClaimReview found"));
        }
        List<Review> reviews = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            JsonNode node = found.get(i);
            try {
                reviews.add(review(node));
            } catch (IllegalArgumentException e) {
                errors.add(new ItemError(i, text(node.get("url")).or(() -> text(node.get("@id"))).orElse(null), e.getMessage()));
            }
        }
        return new Result(reviews, errors);
    }

    /**
     * Finds every ClaimReview object anywhere in the tree. A Claim holding its reviews in
     * {@code review} becomes their {@code itemReviewed} when they have none.
     */
    private static void collect(JsonNode node, JsonNode enclosingClaim, List<JsonNode> found) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, enclosingClaim, found));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (hasType(node, "ClaimReview")) {
            if (enclosingClaim != null && !node.has("itemReviewed")) {
                node = ((ObjectNode) node.deepCopy()).set("itemReviewed", enclosingClaim);
            }
            found.add(node);
            return;
        }
        JsonNode claim = hasType(node, "Claim") ? node : enclosingClaim;
        node.properties().forEach(field -> collect(field.getValue(), claim, found));
    }

    private static Review review(JsonNode node) {
        JsonNode item = first(node.get("itemReviewed"));
        String claimText = text(node.get("claimReviewed"))
                .or(() -> text(item.get("text")))
                .or(() -> text(item.get("name")))
                .orElseThrow(() -> new IllegalArgumentException("claimReviewed is missing"));
        String url = text(node.get("url")).or(() -> text(node.get("@id")).filter(id -> id.startsWith("http")))
                .orElseThrow(() -> new IllegalArgumentException("url is missing"));
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("url is not an http(s) URL: " + url);
        }
        JsonNode rating = first(node.get("reviewRating"));
        JsonNode author = first(node.get("author"));
        JsonNode appearance = first(item.has("appearance") ? item.get("appearance") : item.get("firstAppearance"));
        return new Review(url, claimText,
                name(item.get("author")).orElse(null),
                date(item.get("datePublished"), "itemReviewed.datePublished"),
                text(appearance.get("url")).or(() -> text(appearance)).orElse(null),
                name(author).orElse(null),
                text(author.get("url")).orElse(null),
                text(rating.get("alternateName")).or(() -> text(rating.get("name"))).orElse(null),
                number(rating.get("ratingValue"), "reviewRating.ratingValue"),
                number(rating.get("bestRating"), "reviewRating.bestRating"),
                number(rating.get("worstRating"), "reviewRating.worstRating"),
                date(node.get("datePublished"), "datePublished"),
                language(node.get("inLanguage")).or(() -> language(item.get("inLanguage"))).orElse(null));
    }

    private static boolean hasType(JsonNode node, String type) {
        JsonNode types = node.get("@type");
        if (types == null) {
            return false;
        }
        for (JsonNode t : types.isArray() ? types : List.of(types)) {
            String value = t.asText();
            if (value.equals(type) || value.endsWith("/" + type) || value.endsWith(":" + type)) {
                return true;
            }
        }
        return false;
    }

    /** The first element of an array, the node itself otherwise, an empty object when absent. */
    private static JsonNode first(JsonNode node) {
        if (node != null && node.isArray()) {
            return node.isEmpty() ? first(null) : node.get(0);
        }
        return node == null || node.isNull() ? MissingNode.getInstance() : node;
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || !node.isValueNode()) {
            return Optional.empty();
        }
        String value = node.asText().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A Person or Organization: a string, an object with a name, or the first of an array. */
    private static Optional<String> name(JsonNode node) {
        JsonNode first = first(node);
        return text(first).or(() -> text(first.get("name")));
    }

    private static Optional<String> language(JsonNode node) {
        JsonNode first = first(node);
        return text(first).or(() -> text(first.get("alternateName"))).or(() -> text(first.get("name")));
    }

    private static Double number(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        String value = node.asText().strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number: " + value);
        }
    }

    /**
     * ISO-8601 in its usual variants, RFC 1123, and common written dates; dates without a zone are UTC.
     * Years outside 1 to 9999 are refused like unreadable dates (the database cannot hold Java's extremes).
     */
    static Instant date(JsonNode node, String field) {
        Instant date = parseDate(node, field);
        if (date != null && (date.isBefore(FIRST_DATE) || !date.isBefore(AFTER_LAST_DATE))) {
            throw new IllegalArgumentException(field + " is not between the years " + StorableDate.MIN_YEAR + " and "
                    + StorableDate.MAX_YEAR + ": " + text(node).orElse(""));
        }
        return date;
    }

    private static final Instant FIRST_DATE = LocalDate.of(StorableDate.MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST_DATE = LocalDate.of(StorableDate.MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private static Instant parseDate(JsonNode node, String field) {
        Optional<String> text = text(node);
        if (text.isEmpty()) {
            return null;
        }
        String value = text.get();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        String dateOnly = value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
        for (DateTimeFormatter form : DATE_FORMS) {
            try {
                return LocalDate.parse(dateOnly, form).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        throw new IllegalArgumentException(field + " is not a date: " + value);
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
