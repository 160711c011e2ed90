package org.factdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every audit hash ever stored was computed over the RFC 8785 form the JCS library gave for the record written as
 * text; AuditHash now writes that form from the tree itself. Both must give the same bytes for any record, or
 * stored chains would no longer verify.
 */
class AuditHashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void theCanonicalFormIsTheLibrarysForAnyRecord() throws Exception {
        Random random = new Random(8785);
        for (int i = 0; i < 3_000; i++) {
            JsonNode record = object(random, 3);
            byte[] library = new JsonCanonicalizer(JSON.writeValueAsString(record)).getEncodedUTF8();
            assertArrayEquals(library, AuditHash.canonical(record), () -> JSON.valueToTree(record).toString());
        }
    }

    @Test
    void membersSortByUtf16CodeUnitsAndControlCharactersAreEscaped() {
        ObjectNode record = NODES.objectNode();
        record.put("\uD83D\uDE00", 1); // an emoji: its first code unit sorts below U+FFFF, its code point above
        record.put("\uFFFF", 2);
        record.put("b", "tab\there\u0001\u001f\"\\/é");
        record.put("a", 1e21);
        record.putNull("c");
        assertEquals("{\"a\":1e+21,\"b\":\"tab\\there\\u0001\\u001f\\\"\\\\/é\",\"c\":null,\"\uD83D\uDE00\":1,\"\uFFFF\":2}",
                new String(AuditHash.canonical(record), StandardCharsets.UTF_8));
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = NODES.objectNode();
        for (int n = random.nextInt(6); n > 0; n--) {
            node.set(text(random, 6), value(random, depth - 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 10 : 8)) {
            case 0 -> NODES.textNode(text(random, 40));
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextLong()); // beyond 2^53: both round through a double
            case 3 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(60) - 30));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.numberNode(random.nextInt(2_000_000) - 1_000_000);
            case 7 -> NODES.textNode(Long.toString(random.nextLong()));
            case 8 -> object(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                for (int n = random.nextInt(5); n > 0; n--) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
        };
    }

    /** Text from the ranges that matter to escaping and sorting: controls, ASCII, Latin-1, the BMP's top, emoji. */
    private static String text(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1, 2 -> text.append((char) (0x20 + random.nextInt(0x60)));
                case 3 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 4 -> text.append((char) (0xF000 + random.nextInt(0xFFE)));
                default -> text.appendCodePoint(0x1F600 + random.nextInt(0x50));
            }
        }
        return text.toString();
    }
}
