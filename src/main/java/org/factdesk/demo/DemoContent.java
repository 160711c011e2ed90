package org.factdesk.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.factdesk.article.ArticleRequest;
import org.factdesk.capture.CaptureWorker;
import org.factdesk.intake.ArticleService;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.workflow.ClaimService;
import org.factdesk.claim.Priority;
import org.factdesk.common.Actor;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.Roles;
import org.factdesk.evidence.Evidence;
import org.factdesk.evidence.EvidenceRequest;
import org.factdesk.evidence.EvidenceService;
import org.factdesk.rating.RatingScale;
import org.factdesk.ticket.TicketAction;
import org.factdesk.workflow.TicketService;
import org.factdesk.ticket.TransitionRequest;
import org.factdesk.tip.TipChannel;
import org.factdesk.tip.TipInput;
import org.factdesk.tip.TipIntake;
import org.factdesk.verdict.VerdictDraftRequest;
import org.factdesk.verdict.VerdictService;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Loads a sample article and claims from it in several workflow states into an empty desk, so
 * that a first local run does not start on an empty screen. The actors are the demo users of
 * {@code src/main/keycloak/demo/factdesk-users-0.json} (same subjects).
 */
@ApplicationScoped
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class);

    static final Actor ALICE = new Actor("a11ce000-0000-4000-8000-000000000001", Set.of(Roles.FACTCHECKER));
    static final Actor BOB = new Actor("b0b00000-0000-4000-8000-000000000002", Set.of(Roles.REVIEWER));
    static final Actor CAROL = new Actor("ca401000-0000-4000-8000-000000000003", Set.of(Roles.EDITOR));

    @Inject
    FactdeskConfig config;

    @Inject
    ArticleService articles;

    @Inject
    ClaimService claims;

    @Inject
    TicketService tickets;

    @Inject
    EvidenceService evidence;

    @Inject
    VerdictService verdicts;

    @Inject
    TipIntake tips;

    @Inject
    CaptureWorker captures;

    void onStart(@Observes StartupEvent event) {
        if (config.demo().enabled() && QuarkusTransaction.requiringNew().call(() -> Claim.count() == 0)) {
            Work work = QuarkusTransaction.requiringNew().call(this::loadWork);
            // As on any desk, the sources are captured in the background before their verdicts go to
            // review: the worker makes its first attempt now (offline, the names do not resolve and it
            // fails at once; the desk shows it and retries).
            while (captures.runDue() > 0) {
                // a round of captures at a time, until none is due
            }
            QuarkusTransaction.requiringNew().run(() -> loadDecisions(work));
            LOG.info("Loaded the demo desk: one article, six claims in several workflow states and the public's tips");
        }
    }

    /** The tickets whose verdicts the demo takes on to review and to publication. */
    record Work(long inReview, long published) {
    }

    Work loadWork() {
        long article = articles.create(CAROL, new ArticleRequest("https://example.org/news/russia-syria-briefings",
                "Inside Moscow's briefings on Syria", "Example Wire", "Staff reporter",
                OffsetDateTime.of(2025, 10, 20, 9, 0, 0, 0, ZoneOffset.UTC), "en", null, sampleArticle(), null)).id;

        long published = claim(article, "Russian military bases in eastern Syria deliver humanitarian aid to millions of Syrians.",
                "Kremlin spokesperson", Priority.HIGH, "conflict");
        long inReview = claim(article, "Satellite imagery shows aid convoys departing from the Al-Waleed airbase.",
                "Senior Russian official (anonymous)", Priority.NORMAL, "conflict");
        long inProgress = claim(article, "Vladimir Putin and Ahmed Ash-Sharaa met in the Kremlin on October 15.",
                "Example Wire", Priority.NORMAL, "diplomacy");
        claim(article, "Russia evacuated civilians from Deir ez-Zor.", "Kremlin spokesperson", Priority.URGENT, "conflict");
        claim(article, "Turkish-backed rebel offensives recently destabilized Syria's northern provinces.",
                "Former U.S. diplomat", Priority.HIGH, "conflict");
        claim(article, "The Syrian conflict is entering its eleventh year.", "Example Wire", Priority.LOW, "conflict");

        tickets.transition(inProgress, TicketAction.CLAIM, ALICE, null);
        addEvidence(inProgress, "https://example.org/kremlin/events/2025-10-15", "Kremlin events calendar, 15 October",
                Evidence.Stance.SUPPORTS);

        draft(inReview, "Unproven", "No public imagery shows these convoys", Evidence.Stance.CONTEXT);
        draft(published, "Unproven", "The aid claim rests on anonymous sources alone", Evidence.Stance.CONTEXT);
        return new Work(inReview, published);
    }

    void loadDecisions(Work work) {
        long published = work.published();
        tickets.transition(work.inReview(), TicketAction.SUBMIT, ALICE, null);
        tickets.transition(published, TicketAction.SUBMIT, ALICE, null);
        tickets.transition(published, TicketAction.APPROVE, BOB, null);
        tickets.transition(published, TicketAction.PUBLISH, CAROL, TransitionRequest.NONE);

        // The public's tips: the same rumour in several words (one group in the inbox), and others.
        tip("Is it true that Russia evacuated civilians from Deir ez-Zor?", "en");
        tip("Did Russia really evacuate civilians from Deir ez-Zor last week?", "en");
        tip("russia evacuated civilians from deir ez-zor, is this real??", "en");
        tip("¿Es verdad que Rusia evacuó a civiles de Deir ez-Zor?", "es");
        tip("A video says the Al-Waleed airbase was closed in October. Is that true?", "en");
    }

    private void tip(String text, String language) {
        tips.receive(new TipInput(TipChannel.WEB, text, List.of(), language, null, false));
    }

    private long claim(long article, String text, String claimant, Priority priority, String topic) {
        return claims.create(CAROL, new ClaimRequest(text, claimant, "en", List.of("syria", topic), priority,
                null, article, null, null, List.of(new ClaimRequest.Appearance("https://example.org/news/russia-syria-briefings",
                OffsetDateTime.of(2025, 10, 20, 9, 0, 0, 0, ZoneOffset.UTC))), null)).id;
    }

    private long addEvidence(long ticket, String url, String title, Evidence.Stance stance) {
        return evidence.add(ticket, ALICE, new EvidenceRequest(url, title, null, Evidence.SourceKind.OFFICIAL_RECORD,
                stance, LocalDate.of(2025, 10, 21), null, null)).id;
    }

    private void draft(long ticket, String rating, String headline, Evidence.Stance stance) {
        tickets.transition(ticket, TicketAction.CLAIM, ALICE, null);
        long source = addEvidence(ticket, "https://example.org/ngo/aid-deliveries-2025", "Aid delivery reports, 2025", stance);
        verdicts.saveDraft(ticket, ALICE, new VerdictDraftRequest(ratingId(rating), headline,
                "Independent sources do not confirm the claim.",
                "We looked for independent records of the deliveries and found none beyond the statements themselves.",
                List.of(source), null, null));
    }

    private static long ratingId(String label) {
        return RatingScale.findActive().ratings.stream().filter(r -> r.label.equals(label)).findFirst()
                .map(r -> r.id).orElseThrow();
    }

    private static String sampleArticle() {
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/sample-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
