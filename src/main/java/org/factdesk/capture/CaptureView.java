package org.factdesk.capture;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import org.factdesk.common.LeasedOutbox;

import java.time.Instant;

/**
 * A preserved copy of a source as the desk sees it. {@code state} PENDING with an {@code error} is
 * being retried; FAILED says why in {@code error}. {@code viewUrl} (the safe view) and {@code warcUrl}
 * (the WARC file) are set once it is DONE and until it is erased; {@code warcDigest} is the SHA-256 in
 * the audit trail. {@code files} counts the recorded responses, {@code filesFailed} the subresources
 * that could not be fetched.
 */
public record CaptureView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long id,
                          @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long evidenceId,
                          @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String url,
                          Capture.State state,
                          @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.INT_MAX_TEXT) int attempts,
                          @Schema(maxLength = LeasedOutbox.ERROR_MAX) String error,
                          @Schema(maxLength = Limits.SUBJECT_MAX) String requestedBy,
                          Instant requestedAt, Instant capturedAt,
                          @Schema(maxLength = DIGEST_MAX) String warcDigest,
                          @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) Long warcSize,
                          @Schema(minimum = "100", maximum = "999") Integer pageStatus,
                          @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String finalUrl,
                          boolean truncated,
                          @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.INT_MAX_TEXT) int files,
                          @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.INT_MAX_TEXT) int filesFailed,
                          Instant erasedAt,
                          @Schema(maxLength = PATH_MAX) String viewUrl,
                          @Schema(maxLength = PATH_MAX) String warcUrl,
                          WatchView watch) {

    /**
     * The link watch over a published source's original (null until a published version cites the
     * capture): UNCHECKED, SAME, CHANGED (its text differs from the capture's) or GONE, since when,
     * the last check and what it saw.
     */
    public record WatchView(SourceWatch.State state, Instant since, Instant checkedAt,
                            @Schema(maxLength = LinkWatch.DETAIL_MAX) String detail) {
        static WatchView of(SourceWatch w) {
            return w == null ? null : new WatchView(w.state, w.since, w.checkedAt, w.detail);
        }
    }

    /** "sha256:" and 64 hex digits. */
    static final int DIGEST_MAX = 7 + 64;
    /** "/preserved/", an id, "/", the key (64) and the file name. */
    static final int PATH_MAX = 200;

    /** Where preserved copies are read; every answer under it is sandboxed. */
    public static final String PRESERVED = "/preserved/";

    /** Where a capture's copy is read: the address itself is the permission to read it. */
    public static String viewPath(long id, String key) {
        return PRESERVED + id + "/" + key + "/";
    }

    static CaptureView of(Capture c, SourceWatch watch) {
        int files = 0;
        int failed = 0;
        if (c.records != null) {
            for (JsonNode entry : c.records) {
                if (entry.hasNonNull("offset")) {
                    files++;
                } else {
                    failed++;
                }
            }
        }
        boolean readable = c.state == Capture.State.DONE && c.erasedAt == null;
        String view = readable ? viewPath(c.id, c.viewKey) : null;
        return new CaptureView(c.id, c.evidenceId, c.url, c.state, c.attempts, c.error, c.requestedBy, c.requestedAt,
                c.capturedAt, c.warcDigest, c.warcSize, c.pageStatus, c.finalUrl, c.truncated, files, failed, c.erasedAt,
                view, readable ? view + "capture.warc.gz" : null, WatchView.of(watch));
    }
}
