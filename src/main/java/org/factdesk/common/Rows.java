package org.factdesk.common;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL, with {@code ?} parameters, on the transaction's connection: for the list queries that
 * HQL cannot express (a capped count, EXPLAIN, key-set predicates over expressions) or cannot keep
 * translated (id lists: {@code = ANY(?)} with a {@code Long[]} or {@code String[]} parameter).
 */
public final class Rows {

    private Rows() {
    }

    /** The first column of every row, as longs (ids). */
    public static List<Long> longs(String sql, List<Object> params) {
        return query(sql, params, rows -> {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        });
    }

    /** The first column of the first row, as a string. */
    public static String text(String sql, List<Object> params) {
        return query(sql, params, rows -> rows.next() ? rows.getString(1) : null);
    }

    public interface Reader<R> {
        R read(ResultSet rows) throws SQLException;
    }

    public static <R> R query(String sql, List<Object> params, Reader<R> reader) {
        return query(sql, params, 0, reader);
    }

    /** {@code fetchSize} rows per round trip (0: all at once), so that a reader can go through more rows than fit in memory. */
    public static <R> R query(String sql, List<Object> params, int fetchSize, Reader<R> reader) {
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(fetchSize);
                for (int i = 0; i < params.size(); i++) {
                    Object value = params.get(i);
                    if (value instanceof Instant instant) {
                        value = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
                    } else if (value instanceof Enum<?> constant) {
                        value = constant.name();
                    } else if (value instanceof Long[] ids) {
                        value = connection.createArrayOf("bigint", ids);
                    } else if (value instanceof String[] texts) {
                        value = connection.createArrayOf("text", texts);
                    }
                    statement.setObject(i + 1, value);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            }
        });
    }
}
