package org.factdesk.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One generated request: what it spoils ({@code strategy} and a short {@code mutation}), who sends it
 * ({@code caller}: a role, {@code anonymous}, or the kind of bad token) and the request itself.
 * {@code pathAndQuery} is already percent-encoded; {@code body} may be bytes that are not UTF-8.
 */
public record FuzzCase(String operation, Strategy strategy, String mutation, String caller, String token,
                       String method, String pathAndQuery, String contentType, String accept, byte[] body) {

    /** The request for a report: method, path, role, content type and the body's first characters. */
    public String describe() {
        return method + " " + excerpt(pathAndQuery, 300) + "  as " + caller + "  [" + strategy + ": " + mutation + "]"
                + (contentType == null ? "" : "  Content-Type: " + contentType)
                + (accept == null ? "" : "  Accept: " + accept)
                + (body == null ? "" : "  body (" + body.length + " bytes): " + excerpt(new String(body, StandardCharsets.UTF_8), 300));
    }

    /** The text cut to {@code max} characters with control and non-ASCII characters shown as escapes. */
    public static String excerpt(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.length() >= max || text.length() > max ? out + "… (" + text.length() + " chars)" : out.toString();
    }
}
