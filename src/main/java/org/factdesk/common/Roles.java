package org.factdesk.common;

/** The desk's realm roles, as Keycloak puts them in {@code realm_access.roles}. */
public final class Roles {
    public static final String FACTCHECKER = "factchecker";
    public static final String REVIEWER = "reviewer";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    /** Every role of the desk (for code; annotations list them, as Java wants constants there). */
    public static final java.util.Set<String> DESK = java.util.Set.of(FACTCHECKER, REVIEWER, EDITOR, ADMIN);

    private Roles() {
    }
}
