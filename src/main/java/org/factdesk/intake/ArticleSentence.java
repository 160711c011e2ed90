package org.factdesk.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/** One sentence of an article's text with what intake found in it. Rebuilt whenever the text changes. */
@Entity
@Table(name = "article_sentence")
public class ArticleSentence extends PanacheEntityBase {

    /** A stretch of the article's text: UTF-16 offsets, end exclusive. */
    public record Span(int start, int end, String text) {
    }

    /** Why a sentence is worth checking (or not): a named feature and its signed weight. */
    public record Reason(String feature, String label, double contribution) {
    }

    /** Weak or unverifiable sourcing, with the words that show it. */
    public record Signal(String kind, String explanation, List<Span> triggers) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id")
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
}
