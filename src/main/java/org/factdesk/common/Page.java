package org.factdesk.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * The shape of every list the API answers. {@code page} counts from 0; bounds as {@link PageRequest} caps them.
 * {@code total} is exact when {@code totalExact}, else the database's estimate (above
 * {@value Counts#EXACT_UP_TO}, see {@link Counts}). {@code next}, on lists paged by key, is the
 * {@code after} cursor of the following page; null on the last page.
 */
public record Page<T>(@Schema(maxItems = PageRequest.MAX_SIZE) List<T> items,
                      @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long total,
                      boolean totalExact,
                      @Schema(minimum = Limits.ZERO_TEXT, maximum = PageRequest.MAX_PAGE_TEXT) int page,
                      @Schema(minimum = "1", maximum = PageRequest.MAX_SIZE_TEXT) int size,
                      @Schema(maxLength = Cursor.MAX_LENGTH, nullable = true) String next) {

    /** A page of a list paged by offset only. */
    public static <T> Page<T> of(List<T> items, Counts.Total total, PageRequest request) {
        return new Page<>(items, total.value(), total.exact(), request.page, request.size, null);
    }

    /** A page of a list paged by key: {@code next} when more rows follow. */
    public static <T> Page<T> of(List<T> items, Counts.Total total, PageRequest request, String next) {
        return new Page<>(items, total.value(), total.exact(), request.page, request.size, next);
    }

    /**
     * One page of a Panache query, with its exact total: for lists that stay short by nature (a
     * ticket's evidence, the rating scales, the webhook endpoints). Long lists count with {@link Counts}.
     */
    public static <T> Page<T> of(PanacheQuery<T> query, PageRequest request) {
        int first = request.offset();
        return of(query.range(first, first + request.size - 1).list(), Counts.Total.exact(query.count()), request);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, totalExact, page, size, next);
    }
}
