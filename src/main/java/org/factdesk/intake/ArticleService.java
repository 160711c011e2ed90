package org.factdesk.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.claim.Claim;
import org.factdesk.common.Actor;
import org.factdesk.common.Like;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.article.Article;
import org.factdesk.article.ArticleRequest;
import org.factdesk.article.ArticleSummary;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

@ApplicationScoped
public class ArticleService {

    @Inject
    AuditLog audit;

    @Inject
    ArticleIntake intake;

    /** Analyses the text first, outside any transaction; the transaction then only stores the article and its analysis. */
    public Article create(Actor actor, ArticleRequest request) {
        if (request.version() != null) {
            throw Problems.badRequest("Field 'version' is read-only when creating an article.");
        }
        String text = ArticleIntake.plainText(request);
        ArticleIntake.Analysis analysis = intake.analyse(text, request.language());
        return QuarkusTransaction.joiningExisting().call(() -> {
            Article article = new Article();
            article.createdAt = Instant.now();
            article.createdBy = actor.subject();
            apply(article, request, text, article.createdAt);
            article.persistAndFlush();
            intake.store(article, analysis);
            audit.desk(actor, AuditAction.ARTICLE_CREATED, audit.changes().value("articleId", article.id).value("url", article.url)
                    .personalValue("author", article.authorSalt, article.author)
                    .personalValue("text", article.textSalt, article.text));
            return article;
        });
    }

    /**
     * Checks the request against the stored article, analyses a changed text outside any transaction, then checks
     * again and stores in one transaction: the version check there makes a change made meanwhile a 409.
     */
    public Article update(long id, Actor actor, ArticleRequest request) {
        String text = ArticleIntake.plainText(request);
        boolean reanalyse = QuarkusTransaction.joiningExisting().call(() -> checkUpdate(get(id), request, text));
        ArticleIntake.Analysis analysis = reanalyse ? intake.analyse(text, request.language()) : null;
        return QuarkusTransaction.joiningExisting().call(() -> {
            Article article = get(id);
            checkUpdate(article, request, text);
            AuditLog.Changes changes = audit.changes().value("articleId", id)
                    .field("url", article.url, request.url())
                    .field("title", article.title, request.title())
                    .field("outlet", article.outlet, request.outlet())
                    .personal("author", article.authorSaltFor(request.author()), article.author, request.author())
                    .field("publishedAt", article.publishedAt, request.publishedAt() == null ? null : request.publishedAt().toInstant())
                    .field("language", article.language, request.language())
                    .personal("text", article.textSaltFor(text), article.text, text);
            apply(article, request, text, Instant.now());
            article.persistAndFlush();
            if (analysis != null) {
                intake.store(article, analysis);
            }
            audit.desk(actor, AuditAction.ARTICLE_UPDATED, changes);
            return article;
        });
    }

    /** Whether the update needs a new analysis; refuses a stale version or a new text under cited offsets. */
    private static boolean checkUpdate(Article article, ArticleRequest request, String text) {
        Problems.requireVersion("Article " + article.id, request.version(), article.version);
        boolean textChanged = !Objects.equals(article.text, text);
        if (textChanged && Claim.count("article.id = ?1 and sourceStart is not null", article.id) > 0) {
            // Claims point into the text by offsets: changing it would make them point at the wrong words.
            throw Problems.conflict("Article text is cited", "Claims point into article " + article.id
                    + "'s text by offsets, so its text can no longer change; take in the new text as a new article.");
        }
        return textChanged || !Objects.equals(article.language, request.language());
    }

    @Transactional
    public Article get(long id) {
        return Article.<Article>findByIdOptional(id).orElseThrow(() -> Problems.notFound("Article", id));
    }

    @Transactional
    /** Newest first, without the texts (up to megabytes each): the list never loads them. */
    public Page<ArticleSummary> list(String query, String language, PageRequest page) {
        List<String> where = new java.util.ArrayList<>();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (query != null && !query.isBlank()) {
            where.add("(title ilike :q" + Like.ESCAPE + " or outlet ilike :q" + Like.ESCAPE + " or url ilike :q" + Like.ESCAPE + ")");
            params.put("q", Like.containing(query.strip()));
        }
        if (language != null && !language.isBlank()) {
            where.add("language = :language");
            params.put("language", language.strip());
        }
        Sort newest = Sort.descending("createdAt", "id");
        var find = where.isEmpty() ? Article.findAll(newest) : Article.find(String.join(" and ", where), newest, params);
        return Page.of(find.project(ArticleSummary.class), page);
    }

    private static void apply(Article article, ArticleRequest request, String text, Instant now) {
        article.url = request.url();
        article.title = request.title();
        article.outlet = request.outlet();
        article.author = request.author();
        article.publishedAt = request.publishedAt() == null ? null : request.publishedAt().toInstant();
        article.language = request.language();
        article.text = text;
        article.authorSaltFor(article.author);
        article.textSaltFor(article.text);
        article.updatedAt = now;
    }
}
