package org.factdesk.article;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.claim.Claim;
import org.factdesk.intake.ArticleIntake;
import org.factdesk.common.Actor;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;

import java.time.Instant;
import java.util.Objects;

@ApplicationScoped
@Transactional
public class ArticleService {

    @Inject
    AuditLog audit;

    @Inject
    ArticleIntake intake;

    public Article create(Actor actor, ArticleRequest request) {
        if (request.version() != null) {
            throw Problems.badRequest("Field 'version' is read-only when creating an article.");
        }
        Article article = new Article();
        article.createdAt = Instant.now();
        article.createdBy = actor.subject();
        apply(article, request, article.createdAt);
        article.persistAndFlush();
        intake.analyse(article);
        audit.desk(actor, AuditAction.ARTICLE_CREATED, audit.changes().value("articleId", article.id).value("url", article.url)
                .personalValue("author", article.authorSalt, article.author)
                .personalValue("text", article.textSalt, article.text));
        return article;
    }

    public Article update(long id, Actor actor, ArticleRequest request) {
        Article article = get(id);
        Problems.requireVersion("Article " + id, request.version(), article.version);
        String text = ArticleIntake.plainText(request);
        boolean textChanged = !Objects.equals(article.text, text);
        boolean reanalyse = textChanged || !Objects.equals(article.language, request.language());
        if (textChanged && Claim.count("article.id = ?1 and sourceStart is not null", id) > 0) {
            // Claims point into the text by offsets: changing it would make them point at the wrong words.
            throw Problems.conflict("Article text is cited", "Claims point into article " + id
                    + "'s text by offsets, so its text can no longer change; take in the new text as a new article.");
        }
        AuditLog.Changes changes = audit.changes().value("articleId", id)
                .field("url", article.url, request.url())
                .field("title", article.title, request.title())
                .field("outlet", article.outlet, request.outlet())
                .personal("author", article.authorSaltFor(request.author()), article.author, request.author())
                .field("publishedAt", article.publishedAt, request.publishedAt() == null ? null : request.publishedAt().toInstant())
                .field("language", article.language, request.language())
                .personal("text", article.textSaltFor(text), article.text, text);
        apply(article, request, Instant.now());
        article.persistAndFlush();
        if (reanalyse) {
            intake.analyse(article);
        }
        audit.desk(actor, AuditAction.ARTICLE_UPDATED, changes);
        return article;
    }

    public Article get(long id) {
        Article article = Article.findById(id);
        if (article == null) {
            throw Problems.notFound("Article", id);
        }
        return article;
    }

    /** Newest first, without the texts (up to megabytes each): the list never loads them. */
    public Page<ArticleSummary> list(PageRequest page) {
        return Page.of(Article.findAll(Sort.descending("createdAt", "id")).project(ArticleSummary.class), page);
    }

    private static void apply(Article article, ArticleRequest request, Instant now) {
        article.url = request.url();
        article.title = request.title();
        article.outlet = request.outlet();
        article.author = request.author();
        article.publishedAt = request.publishedAt() == null ? null : request.publishedAt().toInstant();
        article.language = request.language();
        article.text = ArticleIntake.plainText(request);
        article.authorSaltFor(article.author);
        article.textSaltFor(article.text);
        article.updatedAt = now;
    }
}
