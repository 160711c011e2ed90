package org.factdesk.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;
import java.util.function.Function;

/** The shape of every list the API answers. {@code page} counts from 0. */
public record Page<T>(List<T> items, long total, int page, int size) {

    /** One page of a Panache query, with its total. */
    public static <T> Page<T> of(PanacheQuery<T> query, PageRequest request) {
        int first = request.offset();
        return new Page<>(query.range(first, first + request.size - 1).list(), query.count(), request.page, request.size);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
