package org.factdesk.common;

import java.sql.SQLException;

/**
 * What health answers may say about a failure: its kind, never its message, which names hosts,
 * ports and URLs (the driver's "Connection to db-host:5432 refused") — the log has the message.
 */
public final class HealthData {

    private HealthData() {
    }

    /** {@code "ConnectException"}, or for the database {@code "PSQLException, SQLState 08001"}. */
    public static String error(Throwable e) {
        String kind = e.getClass().getSimpleName();
        return e instanceof SQLException sql && sql.getSQLState() != null ? kind + ", SQLState " + sql.getSQLState() : kind;
    }
}
