package org.factdesk.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.article.ArticleRequest;
import org.factdesk.common.Limits;
import org.factdesk.intake.sourcing.SignalKind;
import org.factdesk.intake.text.SentenceSplitter;

import java.time.Instant;
import java.util.List;

/** One sentence of an article's text with what intake found in it. Rebuilt whenever the text changes. */
@Entity
public class ArticleSentence extends PanacheEntityBase {

    /**
     * The most reasons, signals and triggers a sentence shows: one reason per feature of the model (33 now; the
     * strongest first), one signal per {@link SignalKind}, and the first triggers of a signal.
     */
    public static final int MAX_REASONS = 64;
    public static final int MAX_SIGNALS = 16;
    public static final int MAX_TRIGGERS = 100;
    /** Features' names and labels, and signals' explanations, are the model's and the rules' own short texts. */
    public static final int NAME_MAX = 64;
    public static final int LABEL_MAX = 300;

    /** A stretch of the article's text: UTF-16 offsets, end exclusive. */
    public record Span(@Schema(minimum = Limits.ZERO_TEXT, maximum = ArticleRequest.TEXT_MAX_TEXT) int start,
                       @Schema(minimum = Limits.ZERO_TEXT, maximum = ArticleRequest.TEXT_MAX_TEXT) int end,
                       @Schema(maxLength = SentenceSplitter.MAX_SENTENCE_CHARS) String text) {
    }

    /** Why a sentence is worth checking (or not): a named feature and its signed weight. */
    public record Reason(@Schema(maxLength = NAME_MAX) String feature, @Schema(maxLength = LABEL_MAX) String label,
                         double contribution) {
    }

    /** Weak or unverifiable sourcing, with the words that show it. */
    public record Signal(SignalKind kind,
                         @Schema(maxLength = LABEL_MAX) String explanation,
                         @Schema(maxItems = MAX_TRIGGERS) List<Span> triggers) {

        /** At most {@link #MAX_TRIGGERS} triggers. */
        Signal bounded() {
            return triggers == null || triggers.size() <= MAX_TRIGGERS ? this
                    : new Signal(kind, explanation, triggers.subList(0, MAX_TRIGGERS));
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long articleId;

    public int position;

    @Column(name = "start_offset")
    public int start;

    @Column(name = "end_offset")
    public int end;

    public String text;

    public double score;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Reason> reasons;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Signal> signals;

    /** Who the sentence attributes its statement to, as written. */
    public String claimant;

    /** Set when an editor dismissed it as a candidate claim (kept when the text is read again and the sentence stays). */
    public Instant dismissedAt;

    public String dismissedBy;
}
