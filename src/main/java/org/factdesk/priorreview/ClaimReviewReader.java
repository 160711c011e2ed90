package org.factdesk.priorreview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.StorableDate;

/**
 * Reads schema.org ClaimReview as other fact-checkers publish it: single objects, arrays,
 * {@code @graph}s (with {@code @id} references), DataFeeds (with or without DataFeedItem wrappers),
 * Claims carrying their reviews, and HTML pages with JSON-LD blocks. Takes one-element arrays and
 * JSON-LD value objects where one value is expected, numbers as strings, {@code itemReviewed} typed
 * as CreativeWork, dates in the forms {@link PublishedDate} reads, and URLs as {@link PageUrl}
 * resolves them against the page.
 * <p>
 * Only {@code claimReviewed} and {@code url} are required: an item without them becomes an error
 * naming it, and the good items are still read. Any other field that cannot be read is left out
 * with a warning naming the item and the field, and the rest of the item is read.
 */
public final class ClaimReviewReader {

    /** What one ClaimReview says, normalised. {@code reviewedAtOffset} is the offset its date was written in ({@code +02:00}), if any.
     *  A value longer than the desk keeps makes the item an error. */
    public record Review(String reviewUrl, String claimText, String claimant, Instant claimDate, String appearanceUrl,
                         String publisher, String publisherUrl, String rating, Double ratingValue, Double bestRating,
                         Double worstRating, Instant reviewedAt, String reviewedAtOffset, String language) {
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

    /** Why item {@code index} (0-based, in document order) could not be read; -1 for the document itself. */
    public record ItemError(int index, String reference, String detail) {
    }

    /** A field of item {@code index} that was left out, and why; the rest of the item was read. */
    public record ItemWarning(int index, String reference, String detail) {
    }

    public record Result(List<Review> reviews, List<ItemError> errors, List<ItemWarning> warnings) {
    }

    /** A primary language subtag of two or three letters, then subtags ({@code en}, {@code pt-BR}, {@code zh_Hant_TW}). */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");
    private static final int MAX_LANGUAGE = 64;

    private final ObjectMapper json;

    public ClaimReviewReader(ObjectMapper json) {
        this.json = json;
    }

    /** Reads a document whose own address is unknown: relative URLs are left out (or, for {@code url}, fail the item). */
    public Result read(String content, boolean html) {
        return read(content, html, null);
    }

    /**
     * Reads a JSON document, or the JSON-LD blocks of an HTML page when {@code html} is true.
     * {@code address} is where the document lives (the fetched URL, or the address given with an
     * upload; null when unknown): relative URLs resolve against it, or against the page's
     * {@code <base href>}. An HTML page without an address resolves against its canonical link, and
     * a ClaimReview on a page without a {@code url} of its own is the page.
     */
    public Result read(String content, boolean html, String address) {
        Page page = html ? page(content, address) : new Page(PageUrl.base(address), null, null);
        List<JsonNode> roots = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        if (html) {
            int block = 0;
            for (Element script : page.document.select("script[type=application/ld+json]")) {
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
        Map<String, JsonNode> ids = new HashMap<>();
        roots.forEach(root -> index(root, ids));
        List<Found> found = new ArrayList<>();
        for (JsonNode root : roots) {
            collect(root, null, pageLanguage(root).orElse(page.language), found);
        }
        if (found.isEmpty() && errors.isEmpty()) {
            errors.add(new ItemError(-1, null, "no ClaimReview found"));
        }
        List<Review> reviews = new ArrayList<>();
        List<ItemWarning> warnings = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Item item = new Item(i, found.get(i), page, ids);
            try {
                reviews.add(item.review());
                warnings.addAll(item.warnings);
            } catch (IllegalArgumentException e) {
                errors.add(new ItemError(i, item.reference(), e.getMessage()));
            }
        }
        return new Result(reviews, errors, warnings);
    }

    /**
     * What the page says about itself: the base for relative URLs, its own address, its declared
     * language ({@code <html lang>}).
     */
    private record Page(URI base, String address, String language, Document document) {
        Page(URI base, String address, String language) {
            this(base, address, language, null);
        }
    }

    private static Page page(String content, String address) {
        URI given = PageUrl.base(address);
        Document document = Jsoup.parse(content, given == null ? "" : given.toString());
        String canonical = Optional.ofNullable(document.selectFirst("link[rel=canonical][href]"))
                .map(link -> link.absUrl("href")).filter(href -> PageUrl.base(href) != null)
                .or(() -> Optional.ofNullable(document.selectFirst("meta[property=og:url][content]"))
                        .map(meta -> meta.attr("content")).filter(href -> PageUrl.base(href) != null))
                .orElse(null);
        // <base href> wins, as in a browser
        URI base = Optional.ofNullable(document.selectFirst("base[href]")).map(tag -> PageUrl.base(tag.absUrl("href")))
                .orElse(given != null ? given : PageUrl.base(canonical));
        String self = canonical != null ? canonical : given != null ? given.toString() : null;
        String language = Optional.ofNullable(document.selectFirst("html[lang]")).map(html -> html.attr("lang"))
                .flatMap(ClaimReviewReader::languageTag).orElse(null);
        return new Page(base, self, language, document);
    }

    /** A ClaimReview found in the document, with the language its block declares for the page. */
    private record Found(JsonNode node, String pageLanguage) {
    }

    /**
     * Finds every ClaimReview object anywhere in the tree. A Claim holding its reviews in
     * {@code review} becomes their {@code itemReviewed} when they have none.
     */
    private static void collect(JsonNode node, JsonNode enclosingClaim, String pageLanguage, List<Found> found) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, enclosingClaim, pageLanguage, found));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (hasType(node, "ClaimReview")) {
            if (enclosingClaim != null && !node.has("itemReviewed")) {
                node = ((ObjectNode) node.deepCopy()).set("itemReviewed", enclosingClaim);
            }
            found.add(new Found(node, pageLanguage));
            return;
        }
        JsonNode claim = hasType(node, "Claim") ? node : enclosingClaim;
        node.properties().forEach(field -> collect(field.getValue(), claim, pageLanguage, found));
    }

    /** Objects with an {@code @id} and something more, for resolving references like {@code "author": {"@id": "#org"}}. */
    private static void index(JsonNode node, Map<String, JsonNode> ids) {
        if (node == null || node.isValueNode()) {
            return;
        }
        if (node.isObject() && node.hasNonNull("@id") && node.get("@id").isTextual() && !isReference(node)) {
            ids.putIfAbsent(node.get("@id").asText(), node);
        }
        node.forEach(child -> index(child, ids));
    }

    private static boolean isReference(JsonNode node) {
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("@id") && !name.equals("@type")) {
                return false;
            }
        }
        return true;
    }

    /** The language a JSON-LD block declares outside its ClaimReviews (on its WebPage or Article, say). */
    private static Optional<String> pageLanguage(JsonNode node) {
        if (node == null || node.isValueNode() || hasType(node, "ClaimReview")) {
            return Optional.empty();
        }
        if (node.isObject() && node.has("inLanguage")) {
            Optional<String> language = language(node.get("inLanguage"));
            if (language.isPresent()) {
                return language;
            }
        }
        for (JsonNode child : node) {
            Optional<String> language = pageLanguage(child);
            if (language.isPresent()) {
                return language;
            }
        }
        return Optional.empty();
    }

    /** One ClaimReview being read: its required fields throw, its optional ones warn. */
    private static final class Item {
        final int index;
        final JsonNode node;
        final String pageLanguage;
        final Page page;
        final Map<String, JsonNode> ids;
        final List<ItemWarning> warnings = new ArrayList<>();

        Item(int index, Found found, Page page, Map<String, JsonNode> ids) {
            this.index = index;
            this.node = found.node();
            this.pageLanguage = found.pageLanguage();
            this.page = page;
            this.ids = ids;
        }

        String reference() {
            return text(node.get("url")).or(() -> text(node.get("@id"))).orElse(null);
        }

        Review review() {
            JsonNode item = first(node.get("itemReviewed"));
            JsonNode claimed = node.get("claimReviewed");
            String claimText = text(claimed)
                    .or(() -> text(item.get("text")))
                    .or(() -> text(item.get("name")))
                    .orElseThrow(() -> new IllegalArgumentException("claimReviewed is missing"));
            String url = text(node.get("url"))
                    .or(() -> text(node.get("@id")).filter(id -> PageUrl.base(id) != null))
                    .map(raw -> PageUrl.absolute(raw, page.base(), "url"))
                    .or(() -> Optional.ofNullable(page.address()))
                    .orElseThrow(() -> new IllegalArgumentException("url is missing"));
            JsonNode rating = first(node.get("reviewRating"));
            JsonNode publisher = publisher();
            JsonNode appearance = first(item.has("appearance") ? item.get("appearance") : item.get("firstAppearance"));
            PublishedDate reviewed = optional(() -> date(node.get("datePublished"), "datePublished"));
            return new Review(url, claimText,
                    names(item.get("author")),
                    Optional.ofNullable(optional(() -> date(item.get("datePublished"), "itemReviewed.datePublished")))
                            .map(PublishedDate::instant).orElse(null),
                    optional(() -> url(text(appearance.get("url")).or(() -> text(appearance)), "itemReviewed.appearance.url")),
                    name(publisher).orElse(null),
                    optional(() -> url(text(publisher.get("url")), "author.url")),
                    text(rating.get("alternateName")).or(() -> text(rating.get("name"))).orElse(null),
                    optional(() -> number(rating.get("ratingValue"), "reviewRating.ratingValue")),
                    optional(() -> number(rating.get("bestRating"), "reviewRating.bestRating")),
                    optional(() -> number(rating.get("worstRating"), "reviewRating.worstRating")),
                    reviewed == null ? null : reviewed.instant(),
                    reviewed == null ? null : reviewed.offsetId(),
                    language(node.get("inLanguage"))
                            .or(() -> language(item.get("inLanguage")))
                            .or(() -> valueLanguage(claimed))
                            .or(() -> Optional.ofNullable(pageLanguage))
                            .orElse(null));
        }

        /** The value, or null with a warning when the field cannot be read. */
        <T> T optional(Supplier<T> read) {
            try {
                return read.get();
            } catch (IllegalArgumentException e) {
                warnings.add(new ItemWarning(index, reference(), e.getMessage() + "; left out"));
                return null;
            }
        }

        String url(Optional<String> value, String field) {
            return value.map(raw -> PageUrl.absolute(raw, page.base(), field)).orElse(null);
        }

        /** The fact-checker: of several authors (a journalist and the organisation), the organisation. */
        JsonNode publisher() {
            JsonNode authors = node.has("author") ? node.get("author") : node.get("publisher");
            if (authors != null && authors.isArray()) {
                for (JsonNode author : authors) {
                    JsonNode resolved = resolve(author);
                    if (hasType(resolved, "Organization") || hasType(resolved, "NewsMediaOrganization")) {
                        return resolved;
                    }
                }
            }
            return first(authors);
        }

        /** Every claimant named, joined with ", " (several people can make the same claim). */
        String names(JsonNode authors) {
            if (authors == null) {
                return null;
            }
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode author : authors.isArray() ? authors : List.of(authors)) {
                name(resolve(author)).ifPresent(names::add);
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }

        /** A Person or Organization: a string, or an object's name (or given and family name). */
        Optional<String> name(JsonNode node) {
            JsonNode one = first(node);
            return text(one).or(() -> text(one.get("name")))
                    .or(() -> {
                        String full = (text(one.get("givenName")).orElse("") + " " + text(one.get("familyName")).orElse("")).strip();
                        return full.isEmpty() ? Optional.empty() : Optional.of(full);
                    })
                    .or(() -> text(one.get("alternateName")));
        }

        /** The first element of an array, the node itself otherwise (an {@code @id} reference resolved), an empty object when absent. */
        JsonNode first(JsonNode node) {
            if (node != null && node.isArray()) {
                return node.isEmpty() ? MissingNode.getInstance() : first(node.get(0));
            }
            return node == null || node.isNull() ? MissingNode.getInstance() : resolve(node);
        }

        JsonNode resolve(JsonNode node) {
            if (node != null && node.isObject() && node.hasNonNull("@id") && isReference(node)) {
                return ids.getOrDefault(node.get("@id").asText(), node);
            }
            return node;
        }
    }

    private static boolean hasType(JsonNode node, String type) {
        JsonNode types = node == null ? null : node.get("@type");
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

    /** A single text: a string or number, a JSON-LD value object, or the first such element of an array. */
    private static Optional<String> text(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> value = text(element);
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        }
        if (node.isObject()) {
            return text(node.get("@value"));
        }
        if (!node.isValueNode() || node.isNull()) {
            return Optional.empty();
        }
        String value = node.asText().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** inLanguage: a tag or name, a Language object (its code, else its name), or the first of an array. */
    private static Optional<String> language(JsonNode node) {
        JsonNode one = node != null && node.isArray() && !node.isEmpty() ? node.get(0) : node;
        if (one == null) {
            return Optional.empty();
        }
        return text(one).or(() -> text(one.get("alternateName"))).or(() -> text(one.get("name")))
                .flatMap(ClaimReviewReader::languageTag);
    }

    /** The {@code @language} of a JSON-LD value object ({@code {"@value": "…", "@language": "de"}}). */
    private static Optional<String> valueLanguage(JsonNode node) {
        JsonNode one = node != null && node.isArray() && !node.isEmpty() ? node.get(0) : node;
        return one != null && one.isObject() ? text(one.get("@language")).flatMap(ClaimReviewReader::languageTag) : Optional.empty();
    }

    /** A language tag in its usual case ({@code pt-BR}); a language name ({@code English}) as written. */
    private static Optional<String> languageTag(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > MAX_LANGUAGE) {
            return Optional.empty();
        }
        if (LANGUAGE_TAG.matcher(v).matches()) {
            String tag = Locale.forLanguageTag(v.replace('_', '-')).toLanguageTag();
            return Optional.of(tag.equals("und") ? v : tag);
        }
        return Optional.of(v);
    }

    private static Double number(JsonNode node, String field) {
        JsonNode one = node != null && node.isArray() && !node.isEmpty() ? node.get(0) : node;
        if (one == null || one.isNull() || one.isMissingNode()) {
            return null;
        }
        if (one.isNumber()) {
            return one.asDouble();
        }
        Optional<String> value = text(one);
        if (value.isEmpty()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.get().replace(',', '.'));
            if (!Double.isFinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number: " + value.get());
        }
    }

    private static PublishedDate date(JsonNode node, String field) {
        return text(node).map(value -> PublishedDate.parse(value, field)).orElse(null);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
