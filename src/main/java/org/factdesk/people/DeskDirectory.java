package org.factdesk.people;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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


import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

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

    /** The longest display name (first and last name joined by a space); the bound of every {@code …Name} in the views. */
    public static final int NAME_MAX = 2 * KEYCLOAK_NAME_MAX + 1;

    /** A member of the desk; no e-mail or other personal data beyond the display name. */
    public record Person(@Schema(maxLength = Limits.SUBJECT_MAX) String subject,
                         @Schema(maxLength = KEYCLOAK_NAME_MAX) String username,
                         @Schema(maxLength = NAME_MAX) String name,
                         @Schema(maxItems = Roles.COUNT) List<@Size(max = Roles.NAME_MAX) String> roles) {
    }

    public record Snapshot(List<Person> people, Instant fetchedAt, boolean stale) {
    }

    private volatile Snapshot last;

    /** {@link #last}'s display names by subject, kept beside it so a view's look-up is one map read. */
    private volatile Names lastNames = Names.NONE;

    /** {@link #last}'s subjects by user name, for @mentions. */
    private volatile Map<String, String> lastSubjects = Map.of();

    /** When {@link #names()} last started a refresh, so a Keycloak that is down is not asked on every request. */
    private final AtomicReference<Instant> backgroundAttempt = new AtomicReference<>(Instant.EPOCH);

    /** Between two refreshes {@link #names()} starts while Keycloak keeps failing. */
    static final Duration BACKGROUND_RETRY = Duration.ofSeconds(30);

    /** Display names by subject, for the API's views; {@link #of} answers null for someone unknown. */
    public record Names(Map<String, String> bySubject) {
        public static final Names NONE = new Names(Map.of());

        public String of(String subject) {
            return subject == null ? null : bySubject.get(subject);
        }
    }

    /**
     * The names known now (fresh or stale, possibly none) for views: never waits for Keycloak nor fails
     * when it is down, so a request path makes no outbound call; an expired or missing list is
     * refreshed in the background (at most once per {@link #BACKGROUND_RETRY}).
     */
    public Names names() {
        Snapshot known = last;
        if (!fresh(known)) {
            Instant now = Instant.now();
            Instant attempted = backgroundAttempt.get();
            if (attempted.plus(BACKGROUND_RETRY).isBefore(now) && backgroundAttempt.compareAndSet(attempted, now)) {
                CompletableFuture.runAsync(this::refreshQuietly, backgroundPool());
            }
        }
        return lastNames;
    }

    /**
     * The subjects of the members known now by their user names (as Keycloak keeps them, lower case),
     * e.g. for @mentions in comments: like {@link #names()}, never waits for Keycloak.
     */
    public Map<String, String> subjectsByUsername() {
        names(); // refreshes an old list in the background
        return lastSubjects;
    }

    /**
     * Where {@link #names()} refreshes: a worker thread with a request context of its own, since the
     * Keycloak admin client is request-scoped (the unit tests put their own pool here).
     */
    Executor backgroundPool() {
        return task -> Infrastructure.getDefaultWorkerPool().execute(() -> {
            ManagedContext request = Arc.container().requestContext();
            request.activate();
            try {
                task.run();
            } finally {
                request.terminate();
            }
        });
    }

    private void refreshQuietly() {
        try {
            people();
        } catch (RuntimeException e) {
            // people() has logged Keycloak's failure; names stay as they were (null for the unknown).
        }
    }

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
            if (fresh != known) {
                lastNames = new Names(fresh.people().stream()
                        .collect(Collectors.toUnmodifiableMap(Person::subject, Person::name, (a, b) -> a)));
                lastSubjects = fresh.people().stream().collect(Collectors.toUnmodifiableMap(
                        person -> person.username().toLowerCase(Locale.ROOT), Person::subject, (a, b) -> a));
            }
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
