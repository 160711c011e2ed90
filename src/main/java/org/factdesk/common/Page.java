package org.factdesk.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** The shape of every list the API answers. {@code page} counts from 0; bounds as {@link PageRequest} caps them. */
public record Page<T>(@Schema(maxItems = PageRequest.MAX_SIZE) List<T> items,
                      @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long total,
                      @Schema(minimum = Limits.ZERO_TEXT, maximum = PageRequest.MAX_PAGE_TEXT) int page,
                      @Schema(minimum = "1", maximum = PageRequest.MAX_SIZE_TEXT) int size) {

    /** One page of a Panache query, with its total. */
    public static <T> Page<T> of(PanacheQuery<T> query, PageRequest request) {
        int first = request.offset();
        return new Page<>(query.range(first, first + request.size - 1).list(), query.count(), request.page, request.size);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
