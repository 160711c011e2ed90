package org.factdesk.common;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The newest part of a list that only grows (a ticket's history, its comments), answered oldest
 * first as a plain array, at most {@code limit} items. When older items exist, a
 * {@code Link: <…?before=key>; rel="next"} header points at the part before them.
 */
public final class Recent {

    private Recent() {
    }

    /**
     * @param newestFirst up to {@code limit + 1} items, newest first (the extra one says that more exist)
     * @param key         the ordering key a client sends back as {@code before}
     */
    public static <T, V> RestResponse<List<V>> answer(List<T> newestFirst, int limit, ToLongFunction<T> key,
                                                      Function<T, V> view, UriInfo uri) {
        List<T> window = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        Collections.reverse(window);
        var response = RestResponse.ResponseBuilder.ok(window.stream().map(view).toList());
        if (newestFirst.size() > limit) {
            long before = key.applyAsLong(window.get(0));
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("before", before).build()
                    + ">; rel=\"next\"");
        }
        return response.build();
    }
}
