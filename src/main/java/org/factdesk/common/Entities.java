package org.factdesk.common;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;

import java.util.List;
import java.util.Objects;

/** Entities loaded by id for a page. */
public final class Entities {

    private Entities() {
    }

    /**
     * The entities of these ids (those that exist), in one statement that Hibernate translates once
     * ({@code id = ANY(?)} with an array on PostgreSQL); an HQL {@code id in ?1} is translated anew on every call,
     * which cost a list page a third of its CPU.
     */
    public static <T> List<T> byIds(Class<T> type, List<Long> ids) {
        return Panache.getEntityManager().unwrap(Session.class).findMultiple(type, ids).stream()
                .filter(Objects::nonNull).toList();
    }
}
