package org.factdesk.priorreview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * The ClaimReview corpus (src/test/resources/claimreview-corpus): hand-written cases for each
 * real-world form, documentation examples, and items generated from valid ones with those forms
 * applied at random (fixed seed). Each item names the values it must import with.
 * <p>
 * The reader is reached by reflection, by the names of its record components, so that the same
 * corpus also runs against an older reader (see {@link ClaimReviewCorpusReport}).
 */
final class ClaimReviewCorpus {

    /** One item: where it comes from, the forms it shows, and the values it must import with. */
    record Item(String source, List<String> forms, String content, boolean html, String baseUrl, Map<String, Object> expected) {
    }

    /** How the reader did on one item: imported at all, and with every expected value. */
    record Outcome(Item item, boolean imported, List<String> wrong) {
        boolean faithful() {
            return imported && wrong.isEmpty();
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final long SEED = 20240305L;
    static final int GENERATED = 600;

    private ClaimReviewCorpus() {
    }

    /** The hand-written and real items, from the manifest. */
    static List<Item> fileItems() {
        JsonNode manifest = readTree(resource("manifest.json"));
        List<Item> items = new ArrayList<>();
        for (JsonNode c : manifest.get("cases")) {
            String file = c.get("file").asText();
            String content = resource(file);
            boolean html = c.path("html").asBoolean(false);
            String base = c.hasNonNull("baseUrl") ? c.get("baseUrl").asText() : null;
            for (JsonNode e : c.get("expect")) {
                items.add(new Item(file, List.of(c.get("form").asText()), content, html, base, values(e)));
            }
        }
        return items;
    }

    /** Runs one item through the reader and compares each expected value. */
    static Outcome run(Item item) {
        List<Object> reviews = readReviews(item);
        Object expectedClaim = item.expected().get("claimText");
        for (Object review : reviews) {
            if (Objects.equals(component(review, "claimText"), expectedClaim)) {
                List<String> wrong = new ArrayList<>();
                item.expected().forEach((field, want) -> {
                    Object got = component(review, field);
                    if (!Objects.equals(normal(got), normal(want))) {
                        wrong.add(field + ": expected " + want + ", got " + got);
                    }
                });
                return new Outcome(item, true, wrong);
            }
        }
        return new Outcome(item, false, List.of("not imported"));
    }

    // ---- the generator -------------------------------------------------------------------------

    /** A form applied to a valid item: changes the markup, and what the item must import with. */
    record Perturbation(String form, BiConsumer<Generated, Random> apply) {
    }

    /** An item being generated: its markup, its expected values, and its base URL (null: none). */
    static final class Generated {
        final ObjectNode review;
        final Map<String, Object> expected;
        String baseUrl;

        Generated(ObjectNode review, Map<String, Object> expected) {
            this.review = review;
            this.expected = expected;
        }
    }

    static final String[] OFFSETS = {"+02:00", "-05:00", "+05:30", "+01:00", "-03:00"};
    static final String FEED_URL = "https://gen.example/feeds/claimreview.json";

    static final List<Perturbation> PERTURBATIONS = List.of(
            new Perturbation("date-time without T or offset", (g, r) -> {
                Instant at = Instant.parse((String) g.expected.get("reviewedAt"));
                g.review.put("datePublished", DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").format(at.atOffset(ZoneOffset.UTC)));
            }),
            new Perturbation("offset without colon (+0200)", (g, r) -> {
                Instant at = Instant.parse((String) g.expected.get("reviewedAt"));
                ZoneOffset offset = ZoneOffset.of(OFFSETS[r.nextInt(OFFSETS.length)]);
                g.review.put("datePublished", DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx").format(at.atOffset(offset)));
                g.expected.put("reviewedAtOffset", offset.getId());
            }),
            new Perturbation("RFC 1123", (g, r) -> {
                Instant at = Instant.parse((String) g.expected.get("reviewedAt"));
                ZoneOffset offset = ZoneOffset.of(OFFSETS[r.nextInt(OFFSETS.length)]);
                g.review.put("datePublished", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(offset)));
                g.expected.put("reviewedAtOffset", offset.getId());
            }),
            new Perturbation("single-element arrays", (g, r) -> {
                for (String field : new String[]{"claimReviewed", "reviewRating", "itemReviewed", "author", "url"}) {
                    if (r.nextBoolean() || field.equals("claimReviewed")) {
                        JsonNode value = g.review.get(field);
                        g.review.putArray(field).add(value);
                    }
                }
            }),
            new Perturbation("scheme-less URLs", (g, r) -> {
                String url = g.review.get("url").asText();
                boolean protocolRelative = r.nextBoolean();
                g.review.put("url", protocolRelative ? url.substring("https:".length()) : url.substring("https://".length()));
            }),
            new Perturbation("URLs relative to the page", (g, r) -> {
                String url = g.review.get("url").asText();
                g.review.put("url", url.substring("https://gen.example".length()));
                ((ObjectNode) g.review.get("author")).put("url", "/");
                g.baseUrl = FEED_URL;
            }),
            new Perturbation("bad optional field", (g, r) -> {
                ObjectNode claim = (ObjectNode) g.review.get("itemReviewed");
                if (r.nextBoolean()) {
                    claim.put("datePublished", "some " + r.nextInt(9) + " days ago");
                    g.expected.put("claimDate", null);
                } else {
                    ((ObjectNode) g.review.get("reviewRating")).put("ratingValue", "n/a");
                    g.expected.put("ratingValue", null);
                }
            }),
            new Perturbation("claimants as a list", (g, r) -> {
                ObjectNode claim = (ObjectNode) g.review.get("itemReviewed");
                String first = claim.get("author").get("name").asText();
                ArrayNode authors = claim.putArray("author");
                authors.addObject().put("@type", "Person").put("name", first);
                authors.addObject().put("@type", "Organization").put("name", "Co-claimant " + r.nextInt(100));
                g.expected.put("claimant", first + ", " + authors.get(1).get("name").asText());
            }),
            new Perturbation("declared language", (g, r) -> {
                String language = List.of("fr", "es", "de", "pt-BR").get(r.nextInt(4));
                g.review.putObject("inLanguage").put("@type", "Language").put("name", "Language " + language)
                        .put("alternateName", language);
                g.expected.put("language", language);
            }));

    /** {@value #GENERATED} valid items, each with one or two forms applied, from a fixed seed. */
    static List<Item> generatedItems() {
        Random random = new Random(SEED);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < GENERATED; i++) {
            Generated g = valid(i, random);
            List<String> forms = new ArrayList<>();
            int count = 1 + random.nextInt(2);
            while (forms.size() < count) {
                Perturbation p = PERTURBATIONS.get(random.nextInt(PERTURBATIONS.size()));
                if (!forms.contains(p.form()) && compatible(forms, p.form())) {
                    p.apply().accept(g, random);
                    forms.add(p.form());
                }
            }
            String content;
            try {
                content = JSON.writeValueAsString(JSON.createArrayNode().add(g.review));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            items.add(new Item("generated #" + i, List.copyOf(forms), content, false, g.baseUrl, g.expected));
        }
        return items;
    }

    /** Two forms that rewrite the same value would undo each other. */
    private static boolean compatible(List<String> forms, String form) {
        List<List<String>> exclusive = List.of(
                List.of("date-time without T or offset", "offset without colon (+0200)", "RFC 1123"),
                List.of("scheme-less URLs", "URLs relative to the page", "single-element arrays"),
                List.of("claimants as a list", "single-element arrays", "bad optional field"));
        for (List<String> group : exclusive) {
            if (group.contains(form) && forms.stream().anyMatch(group::contains)) {
                return false;
            }
        }
        return true;
    }

    private static Generated valid(int i, Random random) {
        Instant reviewedAt = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(5 * 365 * 86_400));
        Instant claimDate = reviewedAt.minusSeconds(86_400L * (1 + random.nextInt(30))).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        String url = "https://gen.example/checks/" + i;
        String claim = "Generated claim number " + i + " about " + List.of("taxes", "vaccines", "bridges", "elections").get(i % 4);
        String label = List.of("False", "Mostly false", "Half true", "True").get(random.nextInt(4));
        int value = 1 + random.nextInt(5);
        ObjectNode review = JsonNodeFactory.instance.objectNode();
        review.put("@context", "https://schema.org").put("@type", "ClaimReview").put("url", url).put("claimReviewed", claim)
                .put("datePublished", reviewedAt.toString());
        review.putObject("author").put("@type", "Organization").put("name", "Gen Checker").put("url", "https://gen.example/");
        ObjectNode item = review.putObject("itemReviewed").put("@type", "Claim").put("datePublished", claimDate.toString());
        item.putObject("author").put("@type", "Person").put("name", "Speaker " + i);
        item.putObject("appearance").put("@type", "CreativeWork").put("url", "https://news.example/story/" + i);
        review.putObject("reviewRating").put("@type", "Rating").put("ratingValue", value).put("bestRating", 5)
                .put("worstRating", 1).put("alternateName", label);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("claimText", claim);
        expected.put("reviewUrl", url);
        expected.put("claimant", "Speaker " + i);
        expected.put("claimDate", claimDate.toString());
        expected.put("appearanceUrl", "https://news.example/story/" + i);
        expected.put("publisher", "Gen Checker");
        expected.put("publisherUrl", "https://gen.example/");
        expected.put("rating", label);
        expected.put("ratingValue", (double) value);
        expected.put("reviewedAt", reviewedAt.toString());
        return new Generated(review, expected);
    }

    // ---- reaching the reader -------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static List<Object> readReviews(Item item) {
        try {
            Class<?> type = Class.forName("org.factdesk.priorreview.ClaimReviewReader");
            Object reader = type.getConstructor(ObjectMapper.class).newInstance(JSON);
            Object result;
            Method withBase = find(type, 3);
            if (withBase != null) {
                result = withBase.invoke(reader, item.content(), item.html(), item.baseUrl());
            } else {
                result = find(type, 2).invoke(reader, item.content(), item.html());
            }
            return (List<Object>) result.getClass().getMethod("reviews").invoke(result);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run the reader on " + item.source(), e);
        }
    }

    private static Method find(Class<?> type, int parameters) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals("read") && m.getParameterCount() == parameters) {
                return m;
            }
        }
        return null;
    }

    /** A record component by name; a reader without it answers "(absent)", which matches nothing. */
    private static Object component(Object record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return "(absent)";
    }

    private static Object normal(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return value;
    }

    private static Map<String, Object> values(JsonNode expect) {
        Map<String, Object> values = new LinkedHashMap<>();
        expect.properties().forEach(e -> values.put(e.getKey(), e.getValue().isNull() ? null
                : e.getValue().isNumber() ? e.getValue().asDouble() : e.getValue().asText()));
        return values;
    }

    private static String resource(String name) {
        try (InputStream in = ClaimReviewCorpus.class.getResourceAsStream("/claimreview-corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per form: items, imported, imported with every expected value. */
    static Map<String, int[]> tally(List<Outcome> outcomes) {
        Map<String, int[]> table = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            for (String form : o.item().forms()) {
                int[] row = table.computeIfAbsent(form, f -> new int[3]);
                row[0]++;
                row[1] += o.imported() ? 1 : 0;
                row[2] += o.faithful() ? 1 : 0;
            }
        }
        return table;
    }

    static String describe(Outcome o) {
        return String.format(Locale.ROOT, "%s [%s] %s", o.item().source(), String.join(", ", o.item().forms()), o.wrong());
    }
}
