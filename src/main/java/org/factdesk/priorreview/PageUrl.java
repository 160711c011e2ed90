package org.factdesk.priorreview;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes the URLs of ClaimReview markup absolute. An absolute http(s) URL is kept as written; a
 * protocol-relative one ({@code //host/path}) takes the page's scheme, https without a page; a
 * scheme-less one that starts with a host name ({@code www.example.org/x}, {@code example.org/x})
 * gets https; anything else is relative to the page and is resolved against it. Other schemes
 * (javascript:, data:, ftp: …) are refused.
 */
final class PageUrl {

    /** A first path segment that names a host: labels of letters, digits and hyphens, ending in a letters-only label. */
    private static final Pattern HOST = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,24}(?::\\d{1,5})?");
    /** File names that look like hosts ({@code page.html}) are relative paths. */
    private static final Set<String> FILE_ENDINGS = Set.of("html", "htm", "php", "asp", "aspx", "jsp", "json", "jsonld",
            "xml", "shtml", "cfm", "cgi", "pdf", "txt");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private PageUrl() {
    }

    /**
     * The absolute http(s) form of {@code value} as written on a page at {@code base} (null when the
     * page's address is unknown). IllegalArgumentException naming {@code field} when there is none.
     */
    static String absolute(String value, URI base, String field) {
        String url = value.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return url;
        }
        if (url.startsWith("//")) {
            return (base == null ? "https" : base.getScheme()) + ":" + url;
        }
        if (SCHEME.matcher(url).find() && !startsWithHost(url)) {
            throw new IllegalArgumentException(field + " is not an http(s) URL: " + value);
        }
        if (startsWithHost(url)) {
            return "https://" + url;
        }
        if (base == null) {
            throw new IllegalArgumentException(field + " is relative (" + value + ") and the page's address is unknown");
        }
        try {
            // URI.resolve glues "x" to "https://host" as "https://hostx": give an empty base path its "/"
            URI from = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
            return from.resolve(new URI(url.replace(" ", "%20"))).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a URL: " + value);
        }
    }

    /** The page address {@code value} as a base for resolving, or null when it is not an absolute http(s) URL. */
    static URI base(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean startsWithHost(String url) {
        int end = url.length();
        for (char stop : new char[]{'/', '?', '#'}) {
            int at = url.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String first = url.substring(0, end);
        if (!HOST.matcher(first).matches()) {
            return false;
        }
        String host = first.contains(":") ? first.substring(0, first.indexOf(':')) : first;
        String ending = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return !FILE_ENDINGS.contains(ending);
    }
}
