package org.factdesk.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the secrets that travel in addresses out of traces. Whoever has the address of a tip's status page
 * ({@code /tips/{token}}, {@code /public/tips/{token}}: the receipt token) or of a preserved copy
 * ({@code /preserved/{id}/{key}/…}) may read it, and a sign-in comes back to {@code /} or
 * {@code /silent-renew.html} with its authorization code in the query. The HTTP instrumentation records the address
 * as it came (url.path, url.query; url.full on client spans) when the span starts; before any exporter sees the
 * span, this puts {@code {token}} and {@code {key}} in place of those segments and {@code {value}} in place of every
 * query value (the parameters' names stay). The route is a template already; the span name is rewritten all the
 * same. Quarkus adds every SpanProcessor bean to the tracer provider.
 */
@Singleton
public class AddressRedaction implements SpanProcessor {

    /** Addresses, as the current semantic conventions and the older ones name them. */
    private static final List<AttributeKey<String>> ADDRESSES = List.of(AttributeKey.stringKey("url.path"),
            AttributeKey.stringKey("url.full"), AttributeKey.stringKey("http.target"), AttributeKey.stringKey("http.url"),
            AttributeKey.stringKey("http.route"));

    private static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");

    /** The segment after /tips/ (so /public/tips/ too), but for the form (/tips/new) and its stylesheet. */
    private static final Pattern TOKEN = Pattern.compile("(?i)(/tips/)(?!(?:new|page\\.css)(?:/|$))[^/]+");

    /** The key after /preserved/{id}/. */
    private static final Pattern KEY = Pattern.compile("(?i)(/preserved/[^/]*/)[^/]+");

    private static final Pattern VALUE = Pattern.compile("=[^&]*");

    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
        for (AttributeKey<String> key : ADDRESSES) {
            String value = span.getAttribute(key);
            if (value != null) {
                span.setAttribute(key, redact(value));
            }
        }
        String query = span.getAttribute(QUERY);
        if (query != null) {
            span.setAttribute(QUERY, VALUE.matcher(query).replaceAll("={value}"));
        }
        String name = redact(span.getName());
        if (!name.equals(span.getName())) {
            span.updateName(name);
        }
    }

    /** A path, or a path with its query (and a scheme and host before it). */
    static String redact(String address) {
        int start = address.indexOf('?');
        String path = start < 0 ? address : address.substring(0, start);
        path = KEY.matcher(TOKEN.matcher(path).replaceAll("$1{token}")).replaceAll("$1{key}");
        return start < 0 ? path : path + "?" + VALUE.matcher(address.substring(start + 1)).replaceAll("={value}");
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
