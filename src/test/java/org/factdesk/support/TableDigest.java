package org.factdesk.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cheap fingerprint of every table of the public schema, to show that a request wrote nothing:
 * per table its row count and the sum of its rows' {@code xmin} (the transaction that wrote each row
 * version). Any committed insert, update or delete changes one of the two — an update gives the row a
 * newer {@code xmin} even when it writes the same values — while reading, row locks
 * ({@code FOR UPDATE}) and rolled-back writes change neither. It reads no column data, so large
 * (TOASTed) texts cost nothing. Sequences are left out: a refused insert may use up an id.
 */
public final class TableDigest {

    private final List<String> tables;
    private final String sql;

    private TableDigest(List<String> tables) {
        this.tables = tables;
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            parts.add("SELECT '" + table + "', count(*), coalesce(sum(xmin::text::bigint), 0) FROM public.\"" + table + "\"");
        }
        this.sql = String.join(" UNION ALL ", parts);
    }

    /** The tables of the public schema as they are now. */
    public static TableDigest of(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return new TableDigest(tables);
    }

    public List<String> tables() {
        return tables;
    }

    /** Table name to "rows/xmin-sum", in one statement. */
    public Map<String, String> take(Connection connection) throws SQLException {
        Map<String, String> digest = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                digest.put(rs.getString(1), rs.getLong(2) + "/" + rs.getString(3));
            }
        }
        return digest;
    }

    /** The tables whose fingerprint differs, e.g. {@code claim (rows 3 -> 4)}. */
    public static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String was = before.get(e.getKey());
            if (!Objects.equals(was, e.getValue())) {
                String rowsBefore = was == null ? "?" : was.substring(0, was.indexOf('/'));
                String rowsAfter = e.getValue().substring(0, e.getValue().indexOf('/'));
                changed.add(e.getKey() + (rowsBefore.equals(rowsAfter) ? " (rows updated)" : " (rows " + rowsBefore + " -> " + rowsAfter + ")"));
            }
        }
        return changed;
    }
}
