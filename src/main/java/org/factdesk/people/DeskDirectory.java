package org.factdesk.people;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.Limits;
import org.factdesk.common.Roles;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The desk's members and their roles, read from Keycloak through the server's service-account
 * client and kept for a short time. When Keycloak cannot be reached the last list is served,
 * marked as stale.
 */
@ApplicationScoped
public class DeskDirectory {

    private static final Logger LOG = Logger.getLogger(DeskDirectory.class);

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;

    @Inject
    FactdeskConfig config;

    /** The most members one list holds (the directory asks Keycloak for this many users). */
    public static final int MAX_PEOPLE = 1000;
    static final String MAX_PEOPLE_TEXT = "" + MAX_PEOPLE;

    /** Keycloak keeps user names, first and last names in columns of 255 characters; a display name joins two. */
    static final int KEYCLOAK_NAME_MAX = 255;

    /** A member of the desk; no e-mail or other personal data beyond the display name. */
    public record Person(@Schema(maxLength = Limits.SUBJECT_MAX) String subject,
                         @Schema(maxLength = KEYCLOAK_NAME_MAX) String username,
                         @Schema(maxLength = 2 * KEYCLOAK_NAME_MAX + 1) String name,
                         @Schema(maxItems = Roles.COUNT) List<@Size(max = Roles.NAME_MAX) String> roles) {
    }

    public record Snapshot(List<Person> people, Instant fetchedAt, boolean stale) {
    }

    private volatile Snapshot last;

    /** The refresh under way, if any: callers that find the list expired meanwhile wait for it instead of asking too. */
    private final AtomicReference<CompletableFuture<Snapshot>> refreshing = new AtomicReference<>();

    public Snapshot people() {
        Snapshot known = last;
        if (fresh(known)) {
            return known;
        }
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        CompletableFuture<Snapshot> running = refreshing.compareAndExchange(null, mine);
        if (running == null) {
            running = mine;
            refresh(mine);
        }
        try {
            return running.join();
        } catch (CompletionException e) {
            Snapshot earlier = last;
            if (earlier != null) {
                return new Snapshot(earlier.people(), earlier.fetchedAt(), true);
            }
            throw HttpProblem.builder().withStatus(Status.SERVICE_UNAVAILABLE).withTitle("Directory unavailable")
                    .withDetail("The identity provider cannot be reached and no earlier list of the desk is known.")
                    .build();
        }
    }

    /** One refresh, on the caller's thread; its outcome (list or failure) goes to everyone waiting for it. */
    private void refresh(CompletableFuture<Snapshot> outcome) {
        try {
            Snapshot known = last;
            // Another refresh may have finished between this caller's look at the list and its turn.
            Snapshot fresh = fresh(known) ? known : new Snapshot(fetch(), Instant.now(), false);
            last = fresh;
            outcome.complete(fresh);
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak could not be asked for the desk's members: %s", e.toString());
            outcome.completeExceptionally(e);
        } finally {
            refreshing.set(null);
        }
    }

    private boolean fresh(Snapshot snapshot) {
        return snapshot != null && snapshot.fetchedAt().plus(config.people().cacheTtl()).isAfter(Instant.now());
    }

    /** Keycloak's answer: one call for the users, one per user for their roles. */
    List<Person> fetch() {
        RealmResource desk = keycloak.realm(realm);
        List<Person> people = new ArrayList<>();
        for (UserRepresentation user : desk.users().list(0, MAX_PEOPLE)) {
            if (!Boolean.TRUE.equals(user.isEnabled()) || user.getServiceAccountClientId() != null) {
                continue;
            }
            List<String> roles = desk.users().get(user.getId()).roles().realmLevel().listEffective().stream()
                    .map(RoleRepresentation::getName).filter(Roles.DESK::contains).sorted().toList();
            if (!roles.isEmpty()) {
                people.add(new Person(user.getId(), user.getUsername(), displayName(user), roles));
            }
        }
        people.sort(Comparator.comparing(Person::username));
        return List.copyOf(people);
    }

    private static String displayName(UserRepresentation user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getUsername() : name;
    }
}
