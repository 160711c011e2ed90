package org.factdesk.common;

/** The desk's realm roles, as Keycloak puts them in {@code realm_access.roles}. */
public final class Roles {
    public static final String FACTCHECKER = "factchecker";
    public static final String REVIEWER = "reviewer";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    /** Every role of the desk (for code; annotations list them, as Java wants constants there). */
    public static final java.util.Set<String> DESK = java.util.Set.of(FACTCHECKER, REVIEWER, EDITOR, ADMIN);

    /** How many desk roles there are, and the longest name ("factchecker"): the bounds of every list of roles. */
    public static final int COUNT = 4;
    public static final int NAME_MAX = 11;

    private Roles() {
    }
}
