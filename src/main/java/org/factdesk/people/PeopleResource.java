package org.factdesk.people;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;
import org.factdesk.common.Roles;

import java.time.Instant;
import java.util.List;

/** The desk's members with their roles, e.g. for assigning tickets. */
@Path("/api/people")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class PeopleResource {

    @Inject
    DeskDirectory directory;

    /**
     * The page's fields ({@code totalExact} always true), the whole roster at once; {@code stale} is true
     * when Keycloak could not be reached and the last known list is shown.
     */
    public record PeopleView(@Schema(maxItems = DeskDirectory.MAX_PEOPLE) List<DeskDirectory.Person> items,
                             @Schema(minimum = Limits.ZERO_TEXT, maximum = DeskDirectory.MAX_PEOPLE_TEXT) int total,
                             boolean totalExact,
                             @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.ZERO_TEXT) int page,
                             @Schema(minimum = Limits.ZERO_TEXT, maximum = DeskDirectory.MAX_PEOPLE_TEXT) int size,
                             Instant fetchedAt, boolean stale) {
    }

    @GET
    public PeopleView list() {
        DeskDirectory.Snapshot snapshot = directory.people();
        List<DeskDirectory.Person> people = snapshot.people();
        return new PeopleView(people, people.size(), true, 0, people.size(), snapshot.fetchedAt(), snapshot.stale());
    }
}
