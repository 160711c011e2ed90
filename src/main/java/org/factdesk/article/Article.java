package org.factdesk.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.factdesk.audit.Commitments;
import org.hibernate.annotations.Formula;

import java.time.Instant;

/** A piece of content under scrutiny: news story, post, transcript. */
@Entity
public class Article extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String url;

    public String title;

    public String outlet;

    public String author;

    /** Salt of the author's commitments in audit events: made when an author is first set, deleted by erasure. */
    public byte[] authorSalt;

    /** When an author of this article was last erased; null if never. */
    @Formula("last_erasure('article-author', id)")
    public Instant authorErasedAt;

    public Instant publishedAt;

    /** As given by whoever posted the article. */
    public String language;

    /** As the server detected it in the text (null: none of the desk's languages clearly); intake reads this one. */
    public String detectedLanguage;

    /** The language intake reads the text in: the detected one, else the one given. */
    public String readingLanguage() {
        return detectedLanguage != null ? detectedLanguage : language;
    }

    /** Normalised plain text; sentence and claim offsets point into it. */
    @Column(name = "body")
    public String text;

    /** Salt of the text's commitments in audit events: made when a text is first set, deleted by erasure. */
    @Column(name = "body_salt")
    public byte[] textSalt;

    /** When a text of this article was last erased (with its sentences); null if never. */
    @Formula("last_erasure('article-text', id)")
    public Instant textErasedAt;

    /** The salt that commits {@code author} (the article's own; made now if it has none yet). */
    public byte[] authorSaltFor(String author) {
        authorSalt = Commitments.saltFor(authorSalt, author);
        return authorSalt;
    }

    /** The salt that commits {@code text} (the article's own; made now if it has none yet). */
    public byte[] textSaltFor(String text) {
        textSalt = Commitments.saltFor(textSalt, text);
        return textSalt;
    }

    public Instant createdAt;

    public String createdBy;

    public Instant updatedAt;

    @Version
    public long version;
}
