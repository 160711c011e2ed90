package org.factdesk.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.smallrye.jwt.build.Jwt;
import org.factdesk.support.ApiOperations;
import org.factdesk.support.ApiOperations.Operation;
import org.factdesk.support.Tokens;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes one request per call for an operation of the OpenAPI document: first a valid one from the
 * document's schemas (bodies, query parameters) and the real fixtures in its path, then spoiled by one
 * {@link Strategy}. Deterministic for a given random source.
 * <p>
 * JSON text is written with ASCII markers for lone surrogates, replaced by {@code \ud800}-style
 * escapes afterwards, because no JSON writer emits half a character.
 */
public final class RequestGenerator {

    static final String LONE_HIGH = "@@HI@@";
    static final String LONE_LOW = "@@LO@@";

    /** Strings that trouble text handling; markers stand for lone surrogates. */
    static final List<String> UNICODE = List.of(
            LONE_HIGH, LONE_LOW, "a" + LONE_LOW + LONE_HIGH + "b",
            "\u202Eevil\u202C", "\u200F\u061C\u0645\u0631\u062D\u0628\u0627", "\u200B\u200C\u200D\u2060",
            "a\u0000b", "\u0000",
            "\uD83D\uDE00\uD83E\uDDD0 \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66 \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
            "e" + "\u0301".repeat(300), "\u0915\u094D\u200D\u0937",
            "\uFEFFbom", "\uFFFF\uFFFE", "\u0001\u001F\u007F\u0085\u009F", "line\u2028sep\u2029",
            "\uDBFF\uDFFF", "\uFF21\uFF44\uFF4D\uFF49\uFF4E", "\u0130\u0131\u01C5\u00DF", "<script>alert(1)</script>]]>");

    static final List<String> READ_ONLY_OR_UNKNOWN = List.of("id", "status", "version", "createdBy", "createdAt",
            "ticketId", "assignee", "admin", "roles", "__proto__", "constructor", "$where", "fuzz", "");

    static final List<String> NUMBERS = List.of("-1", "0", "2147483648", "-2147483649", "9223372036854775808",
            "-9223372036854775809", "1e309", "-1e309", "1.5", "-0", "1e-400", "123456789012345678901234567890");

    static final List<String> NUMBER_STRINGS = List.of("NaN", "Infinity", "-Infinity", "1e309", "-1", "0x10", "");

    private final JsonNode document;
    private final Map<String, String> fixtures;
    private final Map<String, String> tokens;
    private final List<String> subjects;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final PrivateKey foreignKey = foreignKey();

    /**
     * @param tokens   caller name (a role) to bearer token; a caller missing here is anonymous
     * @param subjects the desk's people, for fields that name one (assignee)
     */
    public RequestGenerator(JsonNode document, Map<String, String> fixtures, Map<String, String> tokens,
                            List<String> subjects) {
        this.document = document;
        this.fixtures = fixtures;
        this.tokens = tokens;
        this.subjects = subjects;
    }

    /** The mutable parts of a request while it is made. */
    private final class Draft {
        final Operation op;
        final SplittableRandom random;
        String caller;
        String token;
        String path;
        final List<String> query = new ArrayList<>(); // encoded name=value pairs
        JsonNode body;
        byte[] rawBody;
        String contentType;
        String accept;
        String mutation = "as documented";

        Draft(Operation op, String caller, SplittableRandom random) {
            this.op = op;
            this.random = random;
            this.caller = caller;
            this.token = tokens.containsKey(caller) ? "Bearer " + tokens.get(caller) : null;
            this.path = op.path();
            if (op.hasBody()) {
                body = valid(op.bodySchema(), "", 0, random);
                if ("POST".equals(op.method()) && body instanceof ObjectNode object) {
                    object.remove("version"); // what is created has no version to send yet
                }
                contentType = op.bodyType();
            }
            for (JsonNode parameter : op.parameters("query")) {
                if (random.nextInt(3) == 0) {
                    String name = parameter.path("name").asText();
                    query.add(encode(name) + "=" + encode(validText(parameter.path("schema"), name, random)));
                }
            }
        }

        FuzzCase build() {
            byte[] bytes = rawBody;
            if (bytes == null && body != null) {
                bytes = write(body);
            }
            String pathAndQuery = query.isEmpty() ? path : path + "?" + String.join("&", query);
            return new FuzzCase(op.method() + " " + op.template(), null, mutation, caller, token, op.method(),
                    pathAndQuery, contentType, accept, bytes);
        }
    }

    public FuzzCase generate(Operation op, Strategy strategy, String caller, SplittableRandom random) {
        Draft d = new Draft(op, caller, random);
        switch (strategy) {
            case VALID -> {
            }
            case WRONG_TYPE -> wrongType(d);
            case MISSING_FIELDS -> missingFields(d);
            case EXTRA_FIELDS -> extraFields(d);
            case STRING_EDGES -> stringEdges(d);
            case UNICODE -> unicode(d);
            case NUMBER_EDGES -> numberEdges(d);
            case MALFORMED_JSON -> malformedJson(d);
            case CONTENT_TYPE -> contentType(d);
            case QUERY_PARAMS -> queryParams(d);
            case PATH_PARAMS -> pathParams(d);
            case BAD_TOKEN -> badToken(d);
        }
        FuzzCase made = d.build();
        return new FuzzCase(made.operation(), strategy, made.mutation(), made.caller(), made.token(), made.method(),
                made.pathAndQuery(), made.contentType(), made.accept(), made.body());
    }

    // --- Strategies ---------------------------------------------------------------------------------

    private void wrongType(Draft d) {
        List<Slot> slots = slots(d.body);
        if (!slots.isEmpty() && d.random.nextInt(5) > 0) {
            Slot slot = pick(slots, d.random);
            JsonNode replacement = otherType(slot.get(), d.random);
            slot.set(replacement);
            d.mutation = slot.name + " = " + replacement;
        } else {
            d.body = otherType(d.body, d.random);
            d.contentType = "application/json";
            d.mutation = "body = " + d.body;
        }
    }

    private void missingFields(Draft d) {
        List<Slot> slots = slots(d.body);
        if (d.body == null || slots.isEmpty() || d.random.nextInt(4) == 0) {
            if (d.op.hasBody() && d.random.nextBoolean()) {
                d.body = null;
                d.rawBody = new byte[0];
                d.mutation = "empty body";
            } else {
                d.body = nodes.objectNode();
                d.contentType = "application/json";
                d.mutation = "body = {}";
            }
            return;
        }
        Slot slot = pick(slots, d.random);
        slot.remove();
        d.mutation = "without " + slot.name;
    }

    private void extraFields(Draft d) {
        String name = pick(READ_ONLY_OR_UNKNOWN, d.random);
        JsonNode value = pick(List.<JsonNode>of(TextNode.valueOf("x"), nodes.numberNode(1), nodes.booleanNode(true),
                nodes.nullNode(), nodes.objectNode().put("nested", 1)), d.random);
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(d.body, objects);
        if (objects.isEmpty()) {
            d.body = nodes.objectNode().set(name, value);
            d.contentType = "application/json";
            d.mutation = "body = " + d.body;
            return;
        }
        ObjectNode target = pick(objects, d.random);
        target.set(name, value);
        d.mutation = (target == d.body ? "" : "nested ") + "'" + name + "': " + value;
    }

    private void stringEdges(Draft d) {
        int[] sizes = {0, 1, 70_000, 300_000};
        Function<Integer, String> text = n -> "x".repeat(n);
        String kind;
        String value;
        int roll = d.random.nextInt(10);
        if (roll == 0) {
            kind = "empty";
            value = "";
        } else if (roll == 1) {
            kind = "blank";
            value = " \t\n ";
        } else if (roll == 2 && d.random.nextInt(10) == 0) {
            kind = "1.1 MB";
            value = text.apply(1_100_000);
        } else if (roll <= 4) {
            kind = "many lines";
            value = "line\n".repeat(20_000);
        } else {
            int size = sizes[2 + d.random.nextInt(2)];
            kind = size + " chars";
            value = text.apply(size);
        }
        setSomeString(d, value, kind);
    }

    private void unicode(Draft d) {
        String sample = pick(UNICODE, d.random);
        if (d.random.nextBoolean()) {
            sample = "Claim " + sample + " text";
        }
        setSomeString(d, sample, "unicode");
    }

    /** Puts the value into a string of the body, else a query or path parameter, else a new field. */
    private void setSomeString(Draft d, String value, String kind) {
        List<Slot> strings = slots(d.body).stream().filter(s -> s.get().isTextual()).toList();
        if (!strings.isEmpty()) {
            Slot slot = pick(strings, d.random);
            slot.set(TextNode.valueOf(value));
            d.mutation = slot.name + " = " + kind + " " + FuzzCase.excerpt(value, 40);
        } else if (!d.op.parameters("query").isEmpty() && value.length() < 3000) {
            JsonNode parameter = pick(d.op.parameters("query"), d.random);
            String name = parameter.path("name").asText();
            d.query.add(encode(name) + "=" + encode(value));
            d.mutation = "?" + name + " = " + kind;
        } else if (!d.op.parameters("path").isEmpty() && value.length() < 3000) {
            replacePathParameter(d, encode(value));
            d.mutation += " = " + kind;
        } else {
            ObjectNode body = d.body instanceof ObjectNode o ? o : nodes.objectNode();
            body.put("text", value);
            d.body = body;
            d.contentType = d.contentType == null ? "application/json" : d.contentType;
            d.mutation = "text = " + kind;
        }
    }

    private void numberEdges(Draft d) {
        boolean asString = d.random.nextInt(4) == 0;
        String literal = asString ? pick(NUMBER_STRINGS, d.random) : pick(NUMBERS, d.random);
        JsonNode value = asString ? TextNode.valueOf(literal) : number(literal);
        List<Slot> slots = slots(d.body);
        List<Slot> numeric = slots.stream().filter(s -> s.get().isNumber()).toList();
        if (!numeric.isEmpty() || !slots.isEmpty()) {
            Slot slot = pick(numeric.isEmpty() ? slots : numeric, d.random);
            slot.set(value);
            d.mutation = slot.name + " = " + value;
        } else if (!d.op.parameters("query").isEmpty() && d.random.nextBoolean()) {
            JsonNode parameter = pick(d.op.parameters("query"), d.random);
            String name = parameter.path("name").asText();
            d.query.add(encode(name) + "=" + encode(literal));
            d.mutation = "?" + name + "=" + literal;
        } else if (!d.op.parameters("path").isEmpty()) {
            replacePathParameter(d, encode(literal));
            d.mutation += " = " + literal;
        } else {
            d.body = nodes.objectNode().set("version", value);
            d.contentType = "application/json";
            d.mutation = "body = " + d.body;
        }
    }

    private void malformedJson(Draft d) {
        String valid = d.body == null ? "{\"text\":\"fuzz\"}" : new String(write(d.body), StandardCharsets.UTF_8);
        d.contentType = "application/json";
        d.body = null;
        int kind = d.random.nextInt(14);
        byte[] bytes;
        switch (kind) {
            case 0 -> {
                int cut = valid.length() <= 1 ? 0 : 1 + d.random.nextInt(valid.length() - 1);
                bytes = utf8(valid.substring(0, cut));
                d.mutation = "truncated at " + cut;
            }
            case 1 -> {
                bytes = utf8(valid.endsWith("}") && valid.length() > 2 ? valid.substring(0, valid.length() - 1) + ",}" : valid + ",");
                d.mutation = "trailing comma";
            }
            case 2 -> {
                int depth = pick(List.of(999, 1001, 5_000, 100_000), d.random);
                bytes = utf8("[".repeat(depth) + "]".repeat(depth));
                d.mutation = "nested arrays, depth " + depth;
            }
            case 3 -> {
                int depth = pick(List.of(1_001, 20_000), d.random);
                bytes = utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
                d.mutation = "nested objects, depth " + depth;
            }
            case 4 -> {
                bytes = utf8(valid.replace('"', '\''));
                d.mutation = "single quotes";
            }
            case 5 -> {
                bytes = utf8("/* comment */ " + valid + " // trailing");
                d.mutation = "comments";
            }
            case 6 -> {
                bytes = utf8(valid.replaceFirst("^\\{\"([^\"]+)\"", "{$1"));
                d.mutation = "unquoted key";
            }
            case 7 -> {
                bytes = utf8(valid.replaceFirst(":(\"[^\"]*\"|[0-9.eE+-]+|true|false|null)", ":NaN"));
                d.mutation = "NaN literal";
            }
            case 8 -> {
                byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
                byte[] bad = pick(List.of(invalid), d.random);
                int quote = valid.indexOf("\":\"");
                String before = quote < 0 ? "{\"text\":\"" : valid.substring(0, quote + 3);
                String after = quote < 0 ? "\"}" : valid.substring(quote + 3);
                bytes = concat(utf8(before), bad, utf8(after));
                d.mutation = "invalid UTF-8 in a string";
            }
            case 9 -> {
                bytes = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(valid));
                d.mutation = "UTF-8 byte order mark";
            }
            case 10 -> {
                bytes = utf8(pick(List.of("", " ", "null", "true", "0", "\"text\"", "[]", "{}{}", valid + valid,
                        ")]}'\n" + valid, "{\"a\"}", "{:}", "\u0000"), d.random));
                d.mutation = "body = " + FuzzCase.excerpt(new String(bytes, StandardCharsets.UTF_8), 40);
            }
            case 11 -> {
                StringBuilder many = new StringBuilder("{");
                for (int i = 0; i < 20_000; i++) {
                    many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
                }
                bytes = utf8(many.append('}').toString());
                d.mutation = "20,000 keys";
            }
            case 12 -> {
                bytes = utf8(valid.replaceFirst("\\{", "{\"" + "k".repeat(100_000) + "\":1,"));
                d.mutation = "100,000-character key";
            }
            default -> {
                bytes = utf8(valid.replace("\"", "\\\""));
                d.mutation = "escaped quotes everywhere";
            }
        }
        d.rawBody = bytes;
    }

    private void contentType(Draft d) {
        if (d.random.nextInt(4) == 0) {
            d.accept = pick(List.of("application/xml", "text/html", "image/png", ";;;", "application/json;q=0",
                    "text/event-stream"), d.random);
            d.mutation = "Accept: " + d.accept;
            return;
        }
        if (d.body == null && d.rawBody == null) {
            d.body = nodes.objectNode().put("text", "fuzz");
        }
        d.contentType = pick(List.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=UTF-16", "application/json; charset=nonsense",
                "application/json;;;", "*/*", "garbage", "application/problem+json", "text/event-stream",
                "application/octet-stream"), d.random);
        if (d.contentType.isEmpty()) {
            d.contentType = null;
        }
        d.mutation = "Content-Type: " + (d.contentType == null ? "(none)" : d.contentType);
    }

    private void queryParams(Draft d) {
        List<JsonNode> parameters = d.op.parameters("query");
        if (parameters.isEmpty() || d.random.nextInt(8) == 0) {
            String name = pick(List.of("unknown", "page", "size", "", "%00", "q[]", "__proto__"), d.random);
            String value = pick(List.of("1", "", "%00", "x".repeat(2000)), d.random);
            d.query.add((name.startsWith("%") ? name : encode(name)) + "=" + (value.startsWith("%") ? value : encode(value)));
            d.mutation = "?" + FuzzCase.excerpt(name, 20) + "=" + FuzzCase.excerpt(value, 20) + " (not in the document)";
            return;
        }
        JsonNode parameter = pick(parameters, d.random);
        String name = parameter.path("name").asText();
        JsonNode schema = resolve(parameter.path("schema"));
        String type = schema.path("type").asText();
        List<String> values = switch (type) {
            case "integer", "number" -> List.of("-1", "abc", "2147483648", "9223372036854775808", "1.5", "", "1e3",
                    " 1", "0x10", "NaN", "-2147483649", "20000000");
            case "boolean" -> List.of("yes", "2", "", "TRUE ", "null");
            case "array" -> List.of("");
            default -> List.of("", "x".repeat(d.random.nextBoolean() ? 300 : 3000), "LOST", ",", "'; drop table claim;--",
                    "\\", "%", "*", "2024-13-45T99:99", "-999999999-01-01", "\u202E\u0000\uD83D\uDE00");
        };
        if ("array".equals(type)) {
            int count = pick(List.of(2, 50, 500), d.random);
            String item = validText(schema.path("items"), name, d.random);
            for (int i = 0; i < count; i++) {
                d.query.add(encode(name) + "=" + encode(i % 2 == 0 ? item : "x" + i));
            }
            d.mutation = "?" + name + " repeated " + count + " times";
            return;
        }
        String value = pick(values, d.random);
        if (d.random.nextInt(6) == 0) {
            String raw = pick(List.of("%00", "%ED%A0%80", "%FF", "%C0%AF", "%25", "a%2Cb"), d.random);
            d.query.add(encode(name) + "=" + raw);
            d.mutation = "?" + name + "=" + raw + " (raw)";
        } else if (d.random.nextInt(6) == 0) {
            d.query.add(encode(name) + "=" + encode(value));
            d.query.add(encode(name) + "=" + encode(validText(schema, name, d.random)));
            d.mutation = "?" + name + " twice, one " + FuzzCase.excerpt(value, 30);
        } else {
            d.query.add(encode(name) + "=" + encode(value));
            d.mutation = "?" + name + "=" + FuzzCase.excerpt(value, 30);
        }
    }

    private void pathParams(Draft d) {
        String value = pick(List.of("-1", "0", "9223372036854775808", "99999999999999999999", "abc", "1.5", "%20",
                "%00", "%ED%A0%80", "%F0%9F%98%80", "1%2F2", "%2e%2e", "1;x=y", "%2525", "9".repeat(5000), "1e3", "+1",
                "0x1", "%D9%A1%D9%A2", "%E2%80%AE1"), d.random);
        if (d.op.parameters("path").isEmpty() && !d.op.path().contains("{")) {
            d.path = d.op.path() + pick(List.of("/", "/" + value, "%00", "//", "/../q/openapi"), d.random);
            d.mutation = "path + " + FuzzCase.excerpt(d.path.substring(d.op.path().length()), 40);
            return;
        }
        replacePathParameter(d, value);
        d.mutation += " = " + FuzzCase.excerpt(value, 40);
    }

    /** Replaces one of the filled path parameters with an already percent-encoded value. */
    private void replacePathParameter(Draft d, String encoded) {
        List<int[]> spans = ApiOperations.parameterSpans(d.op.template(), d.op.path());
        if (spans.isEmpty()) {
            d.path = d.op.path() + "/" + encoded;
            d.mutation = "extra segment";
            return;
        }
        int which = d.random.nextInt(spans.size());
        int[] span = spans.get(which);
        d.path = d.op.path().substring(0, span[0]) + encoded + d.op.path().substring(span[1]);
        d.mutation = "path parameter " + (which + 1);
    }

    private void badToken(Draft d) {
        String subject = "fuzz-" + d.random.nextInt(1000);
        Instant now = Instant.now();
        record Kind(String name, Supplier<String> header) {
        }
        List<Kind> kinds = List.of(
                new Kind("empty bearer", () -> "Bearer "),
                new Kind("not a JWT", () -> "Bearer not-a-jwt"),
                new Kind("three garbage segments", () -> "Bearer " + b64("{") + "." + b64("}") + ".sig"),
                new Kind("alg none", () -> "Bearer " + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                        + b64("{\"sub\":\"" + subject + "\",\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.AUDIENCE
                        + "\",\"exp\":" + (now.getEpochSecond() + 600) + ",\"realm_access\":{\"roles\":[\"admin\"]}}") + "."),
                new Kind("foreign key", () -> "Bearer " + Jwt.issuer(Tokens.ISSUER).subject(subject).audience(Tokens.AUDIENCE)
                        .claim("realm_access", Map.of("roles", List.of("admin"))).expiresIn(600).sign(foreignKey)),
                new Kind("expired", () -> "Bearer " + Jwt.issuer(Tokens.ISSUER).subject(subject).audience(Tokens.AUDIENCE)
                        .claim("realm_access", Map.of("roles", List.of("admin"))).issuedAt(now.minusSeconds(7200))
                        .expiresAt(now.minusSeconds(3600)).sign(Tokens.key())),
                new Kind("other audience", () -> "Bearer " + Jwt.issuer(Tokens.ISSUER).subject(subject).audience("someone-else")
                        .claim("realm_access", Map.of("roles", List.of("admin"))).expiresIn(600).sign(Tokens.key())),
                new Kind("roles as a string", () -> "Bearer " + Jwt.issuer(Tokens.ISSUER).subject(subject).audience(Tokens.AUDIENCE)
                        .claim("realm_access", Map.of("roles", "admin")).expiresIn(600).sign(Tokens.key())),
                new Kind("realm_access as a number", () -> "Bearer " + Jwt.issuer(Tokens.ISSUER).subject(subject)
                        .audience(Tokens.AUDIENCE).claim("realm_access", 7).expiresIn(600).sign(Tokens.key())),
                new Kind("basic", () -> "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))),
                new Kind("6 KB of garbage", () -> "Bearer " + "A".repeat(6000)));
        Kind kind = pick(kinds, d.random);
        d.caller = "bad token (" + kind.name() + ")";
        d.token = kind.header().get();
        d.mutation = kind.name();
    }

    // --- Valid values from the document's schemas -------------------------------------------------

    JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            schema = document.at(schema.get("$ref").asText().substring(1));
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combinator).isArray() && !schema.get(combinator).isEmpty()) {
                return resolve(schema.get(combinator).get(0));
            }
        }
        return schema;
    }

    JsonNode valid(JsonNode schema, String name, int depth, SplittableRandom random) {
        schema = resolve(schema);
        if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).deepCopy();
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    // Optional fields now and then: each one a valid body may hold can also be what refuses it.
                    if (depth < 4 && (required.contains(property.getKey()) || random.nextInt(3) == 0)) {
                        object.set(property.getKey(), valid(property.getValue(), property.getKey(), depth + 1, random));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                if (depth < 4) {
                    int count = 1 + random.nextInt(2);
                    for (int i = 0; i < count; i++) {
                        array.add(valid(schema.path("items"), name, depth + 1, random));
                    }
                }
                return array;
            }
            case "integer", "number" -> {
                return nodes.numberNode(validNumber(schema, name, random));
            }
            case "boolean" -> {
                return nodes.booleanNode(random.nextBoolean());
            }
            default -> {
                return TextNode.valueOf(validString(schema, name, random));
            }
        }
    }

    /** A valid query parameter value as text. */
    String validText(JsonNode schema, String name, SplittableRandom random) {
        JsonNode value = valid(schema, name, 1, random);
        return value.isTextual() ? value.asText() : value.isArray() && !value.isEmpty() ? value.get(0).asText() : value.asText();
    }

    long validNumber(JsonNode schema, String name, SplittableRandom random) {
        String lower = name.toLowerCase();
        if (lower.equals("version")) {
            return random.nextInt(3); // fixtures are young: sometimes the current version
        }
        for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
            String singular = fixture.getKey().replaceAll("s$", "").replace("-", "");
            if (lower.startsWith(singular) && lower.endsWith("id") || lower.startsWith(singular) && lower.endsWith("ids")) {
                return Long.parseLong(fixture.getValue().matches("\\d+") ? fixture.getValue() : "1");
            }
        }
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 20;
        return min + random.nextLong(Math.max(1, Math.min(max, min + 20) - min + 1));
    }

    String validString(JsonNode schema, String name, SplittableRandom random) {
        String format = schema.path("format").asText();
        String lower = name.toLowerCase();
        switch (format) {
            case "date":
                return LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(30)).toString();
            case "date-time":
                return OffsetDateTime.now(ZoneOffset.UTC).plusDays(random.nextInt(-3, 30)).withNano(0).toString();
            default:
                break;
        }
        if (lower.contains("url") || format.equals("uri")) {
            return "https://fuzz.invalid/" + random.nextInt(1000);
        }
        if (lower.equals("language")) {
            return pick(List.of("en", "pt-BR", "de"), random);
        }
        if (lower.contains("zone")) {
            return "UTC";
        }
        if (lower.equals("assignee") || lower.equals("subject")) {
            return pick(subjects, random);
        }
        if (lower.equals("events")) {
            return pick(List.of("fact-check.published", "fact-check.corrected", "fact-check.retracted"), random);
        }
        if (lower.equals("sort")) {
            return pick(List.of("urgency", "created", "deadline"), random);
        }
        if (lower.equals("status")) {
            return pick(List.of("OPEN", "IN_PROGRESS", "PUBLISHED"), random);
        }
        int max = schema.has("maxLength") ? schema.get("maxLength").asInt() : 60;
        String text = "Fuzz " + (name.isEmpty() ? "value" : name) + " " + random.nextInt(100_000);
        return text.length() > max ? text.substring(0, Math.max(1, max)) : text;
    }

    // --- Mutation helpers ---------------------------------------------------------------------------

    /** A place in a JSON tree: a field of an object or an element of an array, named for reports. */
    static final class Slot {
        final JsonNode parent;
        final String field;
        final int index;
        final String name;

        Slot(JsonNode parent, String field, int index, String name) {
            this.parent = parent;
            this.field = field;
            this.index = index;
            this.name = name;
        }

        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(root, "", slots);
        return slots;
    }

    private static void collectSlots(JsonNode node, String prefix, List<Slot> slots) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                String name = prefix.isEmpty() ? field : prefix + "." + field;
                slots.add(new Slot(node, field, -1, name));
                collectSlots(node.get(field), name, slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String name = prefix + "[" + i + "]";
                slots.add(new Slot(node, null, i, name));
                collectSlots(node.get(i), name, slots);
            }
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        if (node != null && node.isContainerNode()) {
            node.forEach(child -> collectObjects(child, objects));
        }
    }

    private JsonNode otherType(JsonNode current, SplittableRandom random) {
        List<JsonNode> candidates = new ArrayList<>(List.of(TextNode.valueOf("text"), nodes.numberNode(42),
                nodes.booleanNode(true), nodes.nullNode(), nodes.arrayNode().add("a"), nodes.objectNode().put("nested", true),
                nodes.arrayNode().add(nodes.objectNode())));
        if (current != null) {
            candidates.removeIf(c -> c.getNodeType() == current.getNodeType());
        }
        return pick(candidates, random);
    }

    private JsonNode number(String literal) {
        if (literal.matches("-?\\d+")) {
            BigInteger value = new BigInteger(literal);
            return value.bitLength() < 63 ? nodes.numberNode(value.longValue()) : BigIntegerNode.valueOf(value);
        }
        return DecimalNode.valueOf(new BigDecimal(literal));
    }

    byte[] write(JsonNode body) {
        try {
            String text = json.writeValueAsString(body)
                    .replace(LONE_HIGH, "\\ud800")
                    .replace(LONE_LOW, "\\udfff");
            return utf8(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    static String encode(String text) {
        // Lone surrogates become the (invalid) UTF-8 a careless client would send.
        return URLEncoder.encode(text.replace(LONE_HIGH, "\uFFFD").replace(LONE_LOW, "\uFFFD"), StandardCharsets.UTF_8)
                .replace("%EF%BF%BD", "%ED%A0%80");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(text));
    }

    private static PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
