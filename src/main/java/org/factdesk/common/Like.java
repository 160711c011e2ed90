package org.factdesk.common;

/**
 * LIKE patterns built from what people type: {@code %}, {@code _} and {@code \} are matched as
 * themselves, not as wildcards. Use with {@code like :p escape '\'}.
 */
public final class Like {

    /** The escape clause that goes with {@link #containing}: {@code like :q escape '\'} in HQL and SQL. */
    public static final String ESCAPE = " escape '\\'";

    private Like() {
    }

    /** A pattern that matches any text containing {@code text} literally. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
