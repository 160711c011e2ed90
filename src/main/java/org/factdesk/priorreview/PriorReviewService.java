package org.factdesk.priorreview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Like;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Imports other fact-checkers' ClaimReviews; a re-import of the same review and claim updates it. */
@ApplicationScoped
@Transactional
public class PriorReviewService {

    /**
     * The most ClaimReviews one import may hold: it keeps one request's work (and the lookup of
     * existing rows, one bind parameter per URL) bounded.
     */
    public static final int MAX_IMPORT_ITEMS = 2_000;
    static final String MAX_IMPORT_ITEMS_TEXT = "" + MAX_IMPORT_ITEMS;
    static final String MAX_INDEX_TEXT = "" + (MAX_IMPORT_ITEMS - 1);

    /** A report lists the first errors and warnings, as many of each as an import may hold items; a detail is cut to this length. */
    public static final int MAX_REPORTED_NOTES = MAX_IMPORT_ITEMS;
    public static final int NOTE_DETAIL_MAX = 1000;

    /**
     * What an import did: counts, one error per item that could not be read and one warning per field left out of
     * an item that was imported (the first {@link #MAX_REPORTED_NOTES} of each; {@code source} is "upload" or the
     * URL fetched).
     */
    public record ImportReport(@Schema(maxLength = HttpUrl.MAX_LENGTH) String source,
                               @Schema(minimum = Limits.ZERO_TEXT, maximum = MAX_IMPORT_ITEMS_TEXT) int received,
                               @Schema(minimum = Limits.ZERO_TEXT, maximum = MAX_IMPORT_ITEMS_TEXT) int imported,
                               @Schema(minimum = Limits.ZERO_TEXT, maximum = MAX_IMPORT_ITEMS_TEXT) int updated,
                               @Schema(maxItems = MAX_REPORTED_NOTES) List<ImportNote> errors,
                               @Schema(maxItems = MAX_REPORTED_NOTES) List<ImportNote> warnings) {
    }

    /**
     * An error or a warning about item {@code index} (0-based in document order; -1: the document or one of its
     * JSON-LD blocks), with its texts (which quote the input) cut to their limits.
     */
    public record ImportNote(@Schema(minimum = "-1", maximum = MAX_INDEX_TEXT) int index,
                             @Schema(maxLength = HttpUrl.MAX_LENGTH) String reference,
                             @Schema(maxLength = NOTE_DETAIL_MAX) String detail) {

        static ImportNote of(ClaimReviewReader.ItemError error) {
            return of(error.index(), error.reference(), error.detail());
        }

        static ImportNote of(ClaimReviewReader.ItemWarning warning) {
            return of(warning.index(), warning.reference(), warning.detail());
        }

        private static ImportNote of(int index, String reference, String detail) {
            return new ImportNote(index, cut(reference, HttpUrl.MAX_LENGTH), cut(detail, NOTE_DETAIL_MAX));
        }

        private static String cut(String text, int max) {
            return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
        }
    }

    /** Imports run one at a time, so that two imports of the same feed cannot insert the same row twice. */
    private static final long IMPORT_LOCK = 0x5052494f52L; // "PRIOR"

    @Inject
    AuditLog audit;

    private final ClaimReviewReader reader;

    @Inject
    public PriorReviewService(ObjectMapper json) {
        this.reader = new ClaimReviewReader(json);
    }

    /**
     * Imports what {@code content} holds. {@code address} is where it lives (the fetched URL, or the
     * address given with an upload), for relative URLs; null when unknown.
     */
    public ImportReport importContent(Actor actor, String content, boolean html, String source, String address) {
        if (source.length() > HttpUrl.MAX_LENGTH) {
            throw Problems.unprocessable("Address too long", "The import was redirected to an address longer than "
                    + HttpUrl.MAX_LENGTH + " characters.");
        }
        ClaimReviewReader.Result result = reader.read(content, html, address);
        int received = result.reviews().size() + countItemErrors(result);
        if (received > MAX_IMPORT_ITEMS) {
            throw Problems.badRequest("This import holds " + received + " ClaimReviews; one import takes at most "
                    + MAX_IMPORT_ITEMS + ": split it into several.");
        }
        if (result.reviews().isEmpty()) {
            throw Problems.unprocessable("Nothing to import", "No ClaimReview could be read from " + source + ": "
                    + result.errors().stream().map(e -> e.detail()).distinct().limit(3).toList() + ".");
        }
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                .setParameter("key", IMPORT_LOCK).getSingleResult();
        Map<String, PriorReview> existing = new HashMap<>();
        List<String> urls = result.reviews().stream().map(ClaimReviewReader.Review::reviewUrl).distinct().toList();
        PriorReview.<PriorReview>list("reviewUrl in ?1", urls).forEach(r -> existing.put(key(r.reviewUrl, r.claimText), r));
        Instant now = Instant.now();
        int imported = 0;
        int updated = 0;
        for (ClaimReviewReader.Review review : result.reviews()) {
            PriorReview row = existing.get(key(review.reviewUrl(), review.claimText()));
            if (row == null) {
                row = new PriorReview();
                existing.put(key(review.reviewUrl(), review.claimText()), row);
                imported++;
            } else {
                updated++;
            }
            apply(row, review);
            row.source = source;
            row.importedAt = now;
            row.importedBy = actor.subject();
            row.persist();
        }
        ImportReport report = new ImportReport(source, received, imported, updated,
                result.errors().stream().limit(MAX_REPORTED_NOTES).map(ImportNote::of).toList(),
                result.warnings().stream().limit(MAX_REPORTED_NOTES).map(ImportNote::of).toList());
        audit.desk(actor, AuditAction.PRIOR_REVIEWS_IMPORTED, audit.changes().value("source", source)
                .value("imported", imported).value("updated", updated).value("errors", result.errors().size())
                .value("warnings", result.warnings().size()));
        return report;
    }

    public Page<PriorReview> list(String query, PageRequest page) {
        var find = query == null || query.isBlank()
                ? PriorReview.<PriorReview>findAll(Sort.descending("importedAt", "id"))
                : PriorReview.<PriorReview>find("lower(claimText) like ?1" + Like.ESCAPE + " or lower(publisher) like ?1" + Like.ESCAPE,
                Sort.descending("importedAt", "id"), Like.containing(query.strip().toLowerCase()));
        return Page.of(find, page);
    }

    public PriorReview get(long id) {
        return PriorReview.<PriorReview>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("Prior review", id));
    }

    private static int countItemErrors(ClaimReviewReader.Result result) {
        return (int) result.errors().stream().filter(e -> e.index() >= 0).count();
    }

    private static String key(String url, String claimText) {
        return url + '\n' + claimText;
    }

    private static void apply(PriorReview row, ClaimReviewReader.Review review) {
        row.reviewUrl = review.reviewUrl();
        row.claimText = review.claimText();
        row.claimant = review.claimant();
        row.claimDate = review.claimDate();
        row.appearanceUrl = review.appearanceUrl();
        row.publisher = review.publisher();
        row.publisherUrl = review.publisherUrl();
        row.rating = review.rating();
        row.ratingValue = review.ratingValue();
        row.bestRating = review.bestRating();
        row.worstRating = review.worstRating();
        row.reviewedAt = review.reviewedAt();
        row.reviewedAtOffset = review.reviewedAtOffset();
        row.language = review.language();
    }
}
