package org.factdesk.common;

import java.util.Set;

/**
 * Who is acting: the token's subject (never a name or e-mail, so audit events carry no personal
 * data) and the roles the token grants.
 */
public record Actor(String subject, Set<String> roles) {

    /** The actor of scheduled jobs. */
    public static final Actor SYSTEM = new Actor("system", Set.of());

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
