package org.factdesk.publishing;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendered feed pages of this replica, keyed by their format and ETag ({@link FeedService#version}), which
 * changes whenever any page could: a cached body is therefore never stale, on any replica, and
 * nothing needs to be invalidated (bodies of older versions just age out). Bounded by the total
 * size of the bodies kept.
 */
@ApplicationScoped
public class FeedCache {

    /** 16 million characters (16–32 MB): hundreds of typical pages. */
    static final long MAX_CHARS = 16L * 1024 * 1024;

    private final LinkedHashMap<String, String> bodies = new LinkedHashMap<>(64, 0.75f, true);
    private long chars;

    /** The body of this version, rendered once per replica (concurrent first requests may both render it). */
    public String get(String etag, Supplier<String> render) {
        synchronized (this) {
            String cached = bodies.get(etag);
            if (cached != null) {
                return cached;
            }
        }
        String body = render.get();
        put(etag, body);
        return body;
    }

    private synchronized void put(String etag, String body) {
        if (body.length() > MAX_CHARS) {
            return;
        }
        String previous = bodies.put(etag, body);
        chars += body.length() - (previous == null ? 0 : previous.length());
        for (Iterator<Map.Entry<String, String>> eldest = bodies.entrySet().iterator(); chars > MAX_CHARS; ) {
            chars -= eldest.next().getValue().length();
            eldest.remove();
        }
    }
}
