package org.factdesk.intake;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.factdesk.article.Article;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.intake.ArticleService;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.workflow.ClaimService;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;
import org.factdesk.desk.DeskSettings;
import org.factdesk.language.LanguageDetection;
import org.factdesk.meaning.SentenceEmbeddings;
import org.factdesk.similar.MeaningIndex;
import org.factdesk.similar.SimilarityService;
import org.factdesk.ticket.Ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/** An article's sentences, its candidate claims, and accepting candidates into claims. */
@ApplicationScoped
@Transactional
public class IntakeService {

    @Inject
    ArticleService articles;

    @Inject
    ArticleIntake intake;

    @Inject
    ClaimService claims;

    @Inject
    SimilarityService similarity;

    @Inject
    AuditLog audit;

    /** Every sentence of the article in reading order; the candidates are the desk's number of best-ranked ones. */
    public SentencesView sentences(long articleId) {
        Article article = articles.get(articleId);
        double threshold = intake.threshold();
        int perArticle = DeskSettings.get().candidatesPerArticle;
        List<ArticleSentence> rows = ArticleSentence.list("articleId", Sort.by("position"), articleId);
        Set<Integer> candidates = rows.stream().filter(s -> s.score >= threshold && s.dismissedAt == null)
                .sorted(Comparator.comparingDouble((ArticleSentence s) -> -s.score).thenComparingInt(s -> s.position))
                .limit(perArticle).map(s -> s.position).collect(Collectors.toSet());
        return new SentencesView(articleId, threshold, perArticle, LanguageDetection.modelsRead(article.readingLanguage()),
                views(articleId, rows, candidates::contains));
    }

    /**
     * The best-ranked sentences at or above the threshold, at most {@code limit} of them (none given: as many as
     * the desk proposes per article), each with up to {@code similarLimit} similar claims and prior verdicts
     * (none asked: none looked up), all read in this one transaction.
     */
    public CandidatesView candidates(long articleId, double threshold, Integer limit, int similarLimit) {
        Article article = articles.get(articleId);
        int perArticle = DeskSettings.get().candidatesPerArticle;
        List<ArticleSentence> rows = ArticleSentence.<ArticleSentence>find("articleId = ?1 and score >= ?2 and dismissedAt is null",
                Sort.descending("score").and("position"), articleId, threshold)
                .page(0, limit == null ? perArticle : limit).list();
        List<CandidateView> items = views(articleId, rows, position -> true).stream().map(sentence -> {
            SimilarityService.Reading reading = similarity.read(sentence.text());
            return new CandidateView(sentence, similarLimit == 0 ? null : similarity.find(reading, null, similarLimit),
                    similarity.precedents(reading, articleId));
        }).toList();
        return new CandidatesView(articleId, threshold, perArticle, LanguageDetection.modelsRead(article.readingLanguage()), items);
    }

    /**
     * Dismisses candidates: they leave the article's candidates and join the desk's past decisions, with their
     * meaning (written under the embeddings' lock, so every replica's index reads it), all or nothing.
     */
    public void dismiss(long articleId, DismissRequest request, Actor actor) {
        Article article = Article.<Article>findByIdOptional(articleId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Article", articleId));
        List<ArticleSentence> sentences = ArticleSentence.list("articleId", Sort.by("position"), articleId);
        Map<Integer, ArticleSentence> byPosition = sentences.stream().collect(Collectors.toMap(s -> s.position, s -> s));
        Map<Integer, List<Long>> claimed = claimsBySentence(articleId, sentences);
        Set<Integer> seen = new HashSet<>();
        List<ArticleSentence> dismissed = request.positions().stream().map(position -> {
            if (!seen.add(position)) throw Problems.badRequest("Sentence " + position + " is listed twice.");
            ArticleSentence sentence = byPosition.get(position);
            if (sentence == null) throw Problems.badRequest("Article " + articleId + " has no sentence " + position + ".");
            if (!claimed.getOrDefault(position, List.of()).isEmpty()) {
                throw Problems.conflict("Already accepted", "Sentence " + position + " is already claim " + claimed.get(position).get(0) + ".");
            }
            if (sentence.dismissedAt != null) throw Problems.conflict("Already dismissed", "Sentence " + position + " is dismissed already.");
            return sentence;
        }).toList();
        boolean read = LanguageDetection.modelsRead(article.readingLanguage());
        Instant now = Instant.now();
        MeaningIndex.lockWrites();
        for (ArticleSentence sentence : dismissed) {
            sentence.dismissedAt = now;
            sentence.dismissedBy = actor.subject();
            if (read) {
                ArticleSentence.getEntityManager().createNativeQuery("UPDATE article_sentence SET embedding = :e,"
                                + " embedding_seq = nextval('meaning_seq') WHERE id = :id")
                        .setParameter("e", SentenceEmbeddings.toBytes(SentenceEmbeddings.embed(sentence.text)))
                        .setParameter("id", sentence.id).executeUpdate();
            }
        }
        audit.desk(actor, AuditAction.CANDIDATES_DISMISSED, audit.changes().value("articleId", articleId)
                .value("positions", dismissed.stream().map(s -> Integer.toString(s.position)).collect(Collectors.joining(", "))));
    }

    /** Creates a claim and ticket per accepted candidate, or links it to an existing claim; all or nothing. */
    public List<AcceptRequest.Outcome> accept(long articleId, AcceptRequest request, Actor actor) {
        // Locking the article makes two editors accepting the same sentence take turns.
        Article article = Article.<Article>findByIdOptional(articleId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Article", articleId));
        Set<Integer> seen = new HashSet<>();
        List<ArticleSentence> sentences = ArticleSentence.list("articleId", Sort.by("position"), articleId);
        Map<Integer, ArticleSentence> byPosition = sentences.stream().collect(Collectors.toMap(s -> s.position, s -> s));
        Map<Integer, List<Long>> claimed = claimsBySentence(articleId, sentences);
        return request.items().stream().map(item -> {
            if (!seen.add(item.position())) {
                throw Problems.badRequest("Sentence " + item.position() + " is listed twice.");
            }
            ArticleSentence sentence = byPosition.get(item.position());
            if (sentence == null) {
                throw Problems.badRequest("Article " + articleId + " has no sentence " + item.position() + ".");
            }
            List<Long> existing = claimed.getOrDefault(item.position(), List.of());
            if (!existing.isEmpty()) {
                throw Problems.conflict("Already accepted", "Sentence " + item.position() + " is already claim "
                        + existing.get(0) + ".");
            }
            OffsetDateTime appearedAt = article.publishedAt == null ? null : article.publishedAt.atOffset(ZoneOffset.UTC);
            if (item.linkTo() != null) {
                if (item.editsClaim()) {
                    throw Problems.badRequest("Sentence " + item.position()
                            + ": 'linkTo' adds an appearance to an existing claim; it takes no text, claimant, priority, topics or deadline.");
                }
                Ticket linked = claims.addAppearance(item.linkTo(), article.url, article.publishedAt, actor);
                return new AcceptRequest.Outcome(item.position(), item.linkTo(), linked.id, true);
            }
            Ticket ticket = claims.create(actor, new ClaimRequest(
                    item.text() == null ? sentence.text : item.text(),
                    item.claimant() == null ? sentence.claimant : item.claimant(),
                    article.readingLanguage() == null ? "en" : article.readingLanguage(),
                    item.topics(), item.priority(), item.deadline(), articleId, sentence.start, sentence.end,
                    List.of(new ClaimRequest.Appearance(article.url, appearedAt)), null));
            return new AcceptRequest.Outcome(item.position(), ticket.claim.id, ticket.id, false);
        }).toList();
    }

    private List<SentenceView> views(long articleId, List<ArticleSentence> rows, IntPredicate candidate) {
        Map<Integer, List<Long>> claimed = claimsBySentence(articleId, rows);
        return rows.stream().map(s -> new SentenceView(s.position, s.start, s.end, s.text, s.score, candidate.test(s.position),
                s.dismissedAt != null,
                s.claimant, first(s.reasons, ArticleSentence.MAX_REASONS),
                first(s.signals, ArticleSentence.MAX_SIGNALS).stream().map(ArticleSentence.Signal::bounded).toList(),
                first(claimed.getOrDefault(s.position, List.of()), SentenceView.MAX_CLAIMS))).toList();
    }

    /** A list cut to the length its view states. */
    private static <T> List<T> first(List<T> list, int max) {
        return list == null ? List.of() : list.size() <= max ? list : list.subList(0, max);
    }

    /** Claims whose span in the article overlaps each sentence. */
    private static Map<Integer, List<Long>> claimsBySentence(long articleId, List<ArticleSentence> sentences) {
        List<Claim> cited = Claim.list("article.id = ?1 and sourceStart is not null and duplicateOf is null order by id", articleId);
        return sentences.stream().collect(Collectors.toMap(s -> s.position, s -> cited.stream()
                .filter(c -> c.sourceStart < s.end && c.sourceEnd > s.start).map(c -> c.id).toList()));
    }
}
