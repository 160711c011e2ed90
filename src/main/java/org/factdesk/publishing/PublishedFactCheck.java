package org.factdesk.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import org.factdesk.capture.Capture;
import org.factdesk.rating.Rating;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketStatus;
import org.factdesk.verdict.VerdictVersion;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the public sees of a fact-check: its latest published version (never a draft, never the
 * live claim: every public field comes frozen from the version), every correction since the first
 * version, and a retraction if there was one. {@code openedAt} is when the desk took the claim up
 * (its ticket was opened): the latest the claim can have entered public discourse.
 */
public record PublishedFactCheck(long id, String headline, String claimText, String claimant,
                                 String language, List<String> topics, List<Appearance> appearances, PublicRating rating, String summary,
                                 List<String> explanation, List<Source> sources, Instant firstPublished,
                                 Instant lastPublished, List<Correction> corrections, Retraction retraction,
                                 Instant openedAt) {

    public record PublicRating(String label, String definition, Integer value, Integer best, Integer worst) {
    }

    /** A cited source; {@code preserved} is the capture the version relied on, when one was made. */
    public record Source(String title, String url, String excerpt, String stance, String accessedOn,
                         String archiveUrl, Preserved preserved) {
    }

    /**
     * The preserved copy of a source: where it is read ({@code path}, under the public origin), when it
     * was captured and the SHA-256 the audit trail holds; {@code erased} when it was taken down since,
     * {@code originalGone} when the link watch found the original no longer available.
     */
    public record Preserved(String path, Instant capturedAt, String digest, boolean erased, boolean originalGone) {
        /** The digest's hex digits, without its {@code sha256:} prefix. */
        public String hex() {
            return digest.substring("sha256:".length());
        }
    }

    /** A later version: when, why (the public note), and what changed. */
    public record Correction(int version, Instant publishedAt, String note, List<String> changes) {
    }

    public record Retraction(Instant at, String reason) {
    }

    public record Appearance(String url, Instant appearedAt) {
    }

    /** Within a transaction; empty unless the ticket has been published. */
    public static Optional<PublishedFactCheck> load(long ticketId) {
        return loadAll(List.of(ticketId)).stream().findFirst();
    }

    /**
     * Within a transaction: the published ones of these tickets, in the order given. Three queries
     * however many tickets (tickets, their published versions, the ratings those cite with their
     * scales), so that a feed page costs the same for 1 entry as for 200.
     */
    public static List<PublishedFactCheck> loadAll(List<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        var em = Panache.getEntityManager();
        Map<Long, Ticket> tickets = em.createQuery("from Ticket t where t.id in :ids", Ticket.class)
                .setParameter("ids", ticketIds).getResultStream().collect(Collectors.toMap(t -> t.id, t -> t));
        Map<Long, List<VerdictVersion>> versionsOf = em.createQuery("from VerdictVersion v where v.ticketId in :ids"
                        + " and v.state = :published order by v.ticketId, v.number", VerdictVersion.class)
                .setParameter("ids", ticketIds).setParameter("published", VerdictVersion.State.PUBLISHED)
                .getResultStream().collect(Collectors.groupingBy(v -> v.ticketId));
        Map<Long, Rating> ratings = ratingsOf(versionsOf.values().stream().flatMap(List::stream).toList());
        Map<Long, Capture.PublicStatus> copies = copiesOf(versionsOf.values().stream().map(v -> v.get(v.size() - 1)).toList());
        List<PublishedFactCheck> published = new ArrayList<>();
        for (Long id : ticketIds) {
            Ticket ticket = tickets.get(id);
            if (ticket != null && ticket.everPublished() && versionsOf.containsKey(id)) {
                published.add(of(ticket, versionsOf.get(id), ratings, copies));
            }
        }
        return published;
    }

    /**
     * Within a transaction: what the public would see once {@code next} (a version built as publishing
     * builds it, not stored) is published on this ticket — its published versions and then {@code next}.
     */
    public static PublishedFactCheck withNext(Ticket ticket, VerdictVersion next) {
        List<VerdictVersion> versions = new ArrayList<>(VerdictVersion.publishedOf(ticket.id));
        versions.add(next);
        return of(ticket, versions, ratingsOf(versions), copiesOf(List.of(next)));
    }

    /** What the public is told now of the captures these versions cite: one query. */
    private static Map<Long, Capture.PublicStatus> copiesOf(List<VerdictVersion> versions) {
        List<Long> ids = new ArrayList<>();
        for (VerdictVersion version : versions) {
            if (version.sources != null) {
                version.sources.forEach(s -> {
                    if (s.path("capture").hasNonNull("path")) {
                        ids.add(s.path("capture").path("id").asLong());
                    }
                });
            }
        }
        return Capture.publicStatusOf(ids);
    }

    /** The ratings these versions cite, with their scales: one query. */
    private static Map<Long, Rating> ratingsOf(List<VerdictVersion> versions) {
        Set<Long> ratingIds = versions.stream().map(v -> v.ratingId).filter(Objects::nonNull).collect(Collectors.toSet());
        return ratingIds.isEmpty() ? Map.of() : Panache.getEntityManager().createQuery("select r from Rating r"
                        + " join fetch r.scale s left join fetch s.ratings where r.id in :ids", Rating.class)
                .setParameter("ids", ratingIds).getResultStream()
                .collect(Collectors.toMap(r -> r.id, r -> r, (same, again) -> same)); // one row per rating of the scale
    }

    private static PublishedFactCheck of(Ticket ticket, List<VerdictVersion> versions, Map<Long, Rating> ratings,
                                         Map<Long, Capture.PublicStatus> copies) {
        VerdictVersion first = versions.get(0);
        VerdictVersion latest = versions.get(versions.size() - 1);
        Rating rating = ratings.get(latest.ratingId);
        PublicRating publicRating = new PublicRating(rating.label, rating.definition, rating.value,
                rating.value == null ? null : rating.scale.bestRating(),
                rating.value == null ? null : rating.scale.worstRating());

        List<Correction> corrections = new ArrayList<>();
        for (int i = 1; i < versions.size(); i++) {
            corrections.add(new Correction(versions.get(i).number, versions.get(i).publishedAt,
                    versions.get(i).correctionNote, changes(versions.get(i - 1), versions.get(i), ratings)));
        }
        Retraction retraction = ticket.status == TicketStatus.RETRACTED ? new Retraction(ticket.updatedAt, ticket.reason) : null;
        return new PublishedFactCheck(ticket.id, latest.headline, latest.claimText, latest.claimant,
                latest.claimLanguage, List.of(latest.claimTopics), appearances(latest.appearances), publicRating,
                latest.summary, paragraphs(latest.explanation),
                sources(latest.sources, copies), first.publishedAt, latest.publishedAt, corrections, retraction, ticket.createdAt);
    }

    /** The last change the public saw: the retraction, or the latest publication. */
    public Instant updated() {
        return retraction != null ? retraction.at() : lastPublished;
    }

    public boolean corrected() {
        return !corrections.isEmpty();
    }

    /**
     * When the claim was made or entered public discourse (ClaimReview's {@code itemReviewed.datePublished}):
     * its earliest dated appearance, else when the desk took it up, which it cannot postdate.
     */
    public Instant claimDate() {
        return appearances.stream().map(Appearance::appearedAt).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(openedAt);
    }

    public Optional<Appearance> firstAppearance() {
        return appearances.stream().filter(a -> a.appearedAt() != null)
                .min((a, b) -> a.appearedAt().compareTo(b.appearedAt()))
                .or(() -> appearances.stream().findFirst());
    }

    private static List<String> changes(VerdictVersion before, VerdictVersion after, Map<Long, Rating> ratings) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(before.ratingId, after.ratingId)) {
            Rating from = ratings.get(before.ratingId);
            Rating to = ratings.get(after.ratingId);
            changes.add("Rating changed from " + from.label + " to " + to.label);
        }
        if (!Objects.equals(before.headline, after.headline)) {
            changes.add("Headline changed");
        }
        if (!Objects.equals(before.summary, after.summary) || !Objects.equals(before.explanation, after.explanation)) {
            changes.add("Summary or explanation changed");
        }
        if (!Objects.equals(before.sources, after.sources)) {
            changes.add("Sources changed");
        }
        return changes;
    }

    private static List<String> paragraphs(String text) {
        return text == null ? List.of() : List.of(text.strip().split("\\R\\s*\\R"));
    }

    private static List<Source> sources(JsonNode sources, Map<Long, Capture.PublicStatus> copies) {
        List<Source> list = new ArrayList<>();
        if (sources != null) {
            for (JsonNode s : sources) {
                JsonNode capture = s.path("capture");
                Preserved preserved = null;
                if (capture.hasNonNull("path")) {
                    Capture.PublicStatus status = copies.getOrDefault(capture.path("id").asLong(),
                            new Capture.PublicStatus(false, false));
                    preserved = new Preserved(status.erased() ? null : capture.path("path").asText(),
                            OffsetDateTime.parse(capture.path("capturedAt").asText()).toInstant(),
                            capture.path("warcDigest").asText(), status.erased(), status.originalGone());
                }
                list.add(new Source(s.path("title").asText(), s.path("url").asText(), text(s, "excerpt"),
                        s.path("stance").asText(), s.path("accessedOn").asText(), text(s, "archiveUrl"), preserved));
            }
        }
        return list;
    }

    private static List<Appearance> appearances(JsonNode appearances) {
        List<Appearance> list = new ArrayList<>();
        for (JsonNode a : appearances) {
            String at = text(a, "appearedAt");
            list.add(new Appearance(a.path("url").asText(), at == null ? null : OffsetDateTime.parse(at).toInstant()));
        }
        return list;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
