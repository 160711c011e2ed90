package org.factdesk.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A total order over SQL columns and the predicate "after this row" in it, for lists paged by key.
 * Each key is never null in the comparison (a nullable column compares as {@code ±infinity}, where
 * NULLS LAST puts it), so that {@code k1 > v1 OR (k1 = v1 AND (k2 > v2 OR …))} is exact; the leading
 * {@code k1 >= v1} lets the index scan start at the cursor. The last key must be unique (the id).
 *
 * @param <T> the row type the cursor values are read from
 */
public record Keyset<T>(String kind, List<Key<T>> keys) {

    /**
     * @param column     the SQL column, e.g. {@code t.created_at}
     * @param type       its SQL type, for the cursor's parameter ({@code bigint}, {@code timestamptz})
     * @param descending the sort direction
     * @param nullAs     for a nullable timestamptz column, where its nulls sort ({@code infinity} or {@code -infinity})
     */
    public record Key<T>(String column, String type, boolean descending, String nullAs, Function<T, Object> value) {

        public static <T> Key<T> of(String column, String type, boolean descending, Function<T, Object> value) {
            return new Key<>(column, type, descending, null, value);
        }

        String expression() {
            return nullAs == null ? column : "COALESCE(" + column + ", '" + nullAs + "'::" + type + ")";
        }

        String parameter() {
            String cast = "CAST(? AS " + type + ")";
            return nullAs == null ? cast : "COALESCE(" + cast + ", '" + nullAs + "'::" + type + ")";
        }

        Object read(Cursor cursor, int i) {
            return switch (type) {
                case "timestamptz" -> nullAs == null ? cursor.instant(i) : cursor.instantOrNull(i);
                default -> cursor.number(i);
            };
        }
    }

    /** The ORDER BY list. */
    public String orderBy() {
        StringJoiner order = new StringJoiner(", ");
        for (Key<T> key : keys) {
            order.add(key.column + (key.descending ? " DESC" : "") + (key.nullAs != null ? " NULLS LAST" : ""));
        }
        return order.toString();
    }

    /** " AND (rows after the cursor)", adding its parameters. */
    public String after(String cursorText, List<Object> params) {
        Cursor cursor = Cursor.read(cursorText, kind, keys.size());
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = keys.get(i).read(cursor, i);
        }
        Key<T> first = keys.get(0);
        StringBuilder sql = new StringBuilder(" AND ").append(first.expression()).append(first.descending ? " <= " : " >= ")
                .append(first.parameter()).append(" AND ");
        params.add(values[0]);
        for (int i = 0; i < values.length; i++) {
            Key<T> key = keys.get(i);
            sql.append('(').append(key.expression()).append(key.descending ? " < " : " > ").append(key.parameter());
            params.add(values[i]);
            if (i < values.length - 1) {
                sql.append(" OR (").append(key.expression()).append(" = ").append(key.parameter()).append(" AND ");
                params.add(values[i]);
            }
        }
        sql.append(")".repeat(values.length)).append(")".repeat(values.length - 1));
        return sql.toString();
    }

    /**
     * One page of the rows of {@code idsSql} ({@code SELECT <id> FROM … WHERE …}, with {@code ?} parameters,
     * without ORDER BY): the page's ids in this order, after the request's cursor or at its offset, their total
     * ({@link Counts#ofPage}), then the rows themselves, loaded by id.
     *
     * @param load the rows of these ids, in any order
     * @param id   a row's id
     */
    public Page<T> page(String idsSql, List<Object> params, KeysetRequest request,
                        Function<List<Long>, List<T>> load, Function<T, Long> id) {
        int offset = request.offset();
        List<Object> pageParams = new ArrayList<>(params);
        String after = request.after == null ? "" : after(request.after, pageParams);
        pageParams.add(request.size + 1); // one more says whether a next page exists
        pageParams.add(offset);
        List<Long> ids = Rows.longs(idsSql + after + " ORDER BY " + orderBy() + " LIMIT ? OFFSET ?", pageParams);
        Counts.Total total = Counts.ofPage(idsSql, params, request, ids.size(), Counts.EXACT_UP_TO);
        boolean more = ids.size() > request.size;
        List<Long> pageIds = more ? ids.subList(0, request.size) : ids;
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < pageIds.size(); i++) {
            position.put(pageIds.get(i), i);
        }
        List<T> rows = new ArrayList<>(pageIds.isEmpty() ? List.of() : load.apply(pageIds));
        rows.sort(Comparator.comparing(row -> position.get(id.apply(row))));
        return Page.of(rows, total, request, more && !rows.isEmpty() ? cursorAfter(rows.get(rows.size() - 1)) : null);
    }

    /** The cursor that continues after this row. */
    public String cursorAfter(T row) {
        return Cursor.write(kind, keys.stream().map(key -> key.value.apply(row)).toArray());
    }
}
