package org.factdesk.tip;

import org.factdesk.intake.worthiness.Lbfgs;
import org.factdesk.meaning.SentenceEmbeddings;
import org.factdesk.similar.ClaimMatch;
import org.factdesk.similar.MatchingEvaluation;
import org.factdesk.similar.MatchingEvaluation.Counts;
import org.factdesk.similar.MatchingEvaluation.Pair;
import org.factdesk.similar.SimilarityService;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How tips are grouped, judged on the labelled tip pairs ({@code src/test/resources/tip/tip-pairs.jsonl},
 * docs/matching-evaluation.md): {@code a} is the text of a group on file, {@code b} a new tip; "same" pairs
 * should join, related and different ones should not. For each pair: the words' condition of
 * {@link TipIntake#GROUP_SQL} (shared lexemes, pg_trgm similarity, on a PostgreSQL at 127.0.0.1:5432), the
 * cosine of the two meanings and whether their numbers differ. Prints, on the test half (even ids), the words
 * alone at the shipped threshold and at the best one on the tuning half (odd ids), the claims' matcher
 * ({@link ClaimMatch}) unchanged, the same two inputs refitted on the tuning half, and what the server does
 * ({@link TipGrouping}): and how many pairs built on one template ("Is it true that X?") each joins.
 * Part of the {@code evaluate} run of docs/intake-evaluation.md.
 */
public final class TipGroupingEvaluation {

    static final String PAIRS = "/tip/tip-pairs.jsonl";
    static final double GRID = 0.005;
    /** factdesk.tips.group-threshold's default. */
    static final double SHIPPED_WORDS = 0.5;

    record Features(Pair pair, boolean lexemes, double words, double meaning, boolean numbersDiffer) {
        boolean template() {
            return pair.note() != null && pair.note().startsWith("template:");
        }
    }

    public static void main(String[] args) throws Exception {
        String server = System.getProperty("matching.server", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getProperty("matching.user", "postgres");
        String password = System.getProperty("matching.password", "");
        String database = "factdesk_tip_eval_" + ProcessHandle.current().pid();
        List<Pair> pairs = MatchingEvaluation.pairs(PAIRS);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        List<Features> all = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server + database, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION pg_trgm");
            }
            long start = System.nanoTime();
            for (Pair p : pairs) {
                boolean[] lexemes = new boolean[1];
                double words = words(c, p, lexemes);
                all.add(new Features(p, lexemes[0], words, SentenceEmbeddings.dot(SentenceEmbeddings.embed(p.a()),
                        SentenceEmbeddings.embed(p.b())), ClaimMatch.numbersDiffer(p.a(), p.b())));
            }
            System.out.printf("tip pairs: %d (%s), read in %.1f s%n", pairs.size(), PAIRS, (System.nanoTime() - start) / 1e9);
        } finally {
            try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
                 Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
        report(all);
    }

    static void report(List<Features> all) {
        List<Features> tuning = all.stream().filter(f -> f.pair().tuning()).toList();
        List<Features> test = all.stream().filter(f -> !f.pair().tuning()).toList();
        for (List<Features> half : List.of(tuning, test)) {
            System.out.printf("%-6s half: %3d pairs: %3d same, %3d related, %3d different (%d built on one template)%n",
                    half == tuning ? "tuning" : "test", half.size(), count(half, f -> f.pair().same()),
                    count(half, f -> f.pair().label().equals("related")), count(half, f -> f.pair().label().equals("different")),
                    count(half, Features::template));
        }
        for (String label : List.of("same", "related", "different")) {
            System.out.printf("median of %-9s meaning %.3f, words %.3f%n", label,
                    median(all, label, Features::meaning), median(all, label, Features::words));
        }
        System.out.printf("median meaning of pairs built on one template, not the same claim: %.3f%n",
                median(all.stream().filter(f -> f.template() && !f.pair().same()).toList(), null, Features::meaning));

        double bestWords = best(tuning, f -> f.lexemes() ? f.words() : 0);
        List<Map<Integer, Double>> x = tuning.stream().map(f -> Map.of(0, f.meaning(), 1, f.numbersDiffer() ? 1.0 : 0.0)).toList();
        double[] w = Lbfgs.fitLogistic(x, tuning.stream().mapToInt(f -> f.pair().same() ? 1 : 0).toArray(), 2, 100);
        java.util.function.ToDoubleFunction<Features> refit = f -> Lbfgs.predict(w, Map.of(0, f.meaning(), 1, f.numbersDiffer() ? 1.0 : 0.0));
        double bestRefit = best(tuning, refit);
        System.out.printf("%nrefitted on the tip pairs' tuning half: bias %.2f, meaning %.2f, numbers differ %.2f; threshold %.3f"
                + " (the claims' matcher: %.2f, %.2f, %.2f; %.3f)%n", w[2], w[0], w[1], bestRefit,
                ClaimMatch.BIAS, ClaimMatch.MEANING, ClaimMatch.NUMBERS_DIFFER, ClaimMatch.THRESHOLD);
        double bestMeaning = best(tuning, Features::meaning);
        System.out.printf("%n\"same\" vs related + different, TEST half (even ids); joined by template pairs not the same:%n");
        line(test, "words as shipped (trigram >= " + SHIPPED_WORDS + ")",
                f -> f.lexemes() && f.words() >= SHIPPED_WORDS);
        line(test, String.format("words at %.3f (best on tuning)", bestWords), f -> f.lexemes() && f.words() >= bestWords);
        line(test, String.format("meaning alone at %.3f (best on tuning)", bestMeaning), f -> f.meaning() >= bestMeaning);
        line(test, "claims' matcher unchanged", f -> ClaimMatch.of(f.meaning(), f.words(), f.pair().a(), f.pair().b()).same());
        line(test, String.format("refitted at %.3f", bestRefit), f -> refit.applyAsDouble(f) >= bestRefit);
        java.util.function.ToDoubleFunction<Features> claims = f -> ClaimMatch.of(f.meaning(), f.words(), f.pair().a(), f.pair().b()).score();
        double precise = best(tuning, claims, 0.5);
        line(test, String.format("claims' matcher at %.3f (best F0.5)", precise), f -> claims.applyAsDouble(f) >= precise);
        line(test, "shipped (TipGrouping)", TipGroupingEvaluation::joins);
        line(tuning, "shipped (TipGrouping), tuning half", TipGroupingEvaluation::joins);
        System.out.printf("%nthe claims' matcher at other thresholds, test half:%n");
        for (double t : new double[]{0.5, 0.6, 0.7, 0.8, 0.9}) {
            line(test, String.format("at %.2f", t), f -> claims.applyAsDouble(f) >= t);
        }
        if (Boolean.getBoolean("matching.misses")) {
            for (Features f : test) {
                if (joins(f) != f.pair().same()) {
                    System.out.printf("  %s %-9s meaning %.2f words %.2f %s | %s%n", f.pair().id(), f.pair().label(),
                            f.meaning(), f.words(), f.pair().a(), f.pair().b());
                }
            }
        }
    }

    /** What the server decides for this pair, with the shipped words' threshold. */
    private static boolean joins(Features f) {
        return TipGrouping.joins(f.lexemes() ? f.words() : null, f.meaning(), f.pair().a(), f.pair().b(),
                SHIPPED_WORDS);
    }

    private static void line(List<Features> part, String name, Predicate<Features> joins) {
        int tp = 0, fp = 0, fn = 0, tn = 0, template = 0, templates = 0;
        for (Features f : part) {
            boolean join = joins.test(f), same = f.pair().same();
            if (join && same) tp++;
            else if (join) fp++;
            else if (same) fn++;
            else tn++;
            if (f.template() && !same) {
                templates++;
                if (join) template++;
            }
        }
        System.out.printf("  %-40s %s; template %d of %d%n", name, new Counts(tp, fp, fn, tn), template, templates);
    }

    /** The threshold (grid 0.005) with the best F1 of "same" on a half. */
    private static double best(List<Features> part, java.util.function.ToDoubleFunction<Features> score) {
        return best(part, score, 1);
    }

    /** The threshold (grid 0.005) with the best F-beta of "same" on a half (beta 0.5: precision weighs double). */
    private static double best(List<Features> part, java.util.function.ToDoubleFunction<Features> score, double beta) {
        double best = 0, bestF1 = -1;
        for (int i = 0; i * GRID <= 1.0 + 1e-9; i++) {
            double t = Math.round(i * GRID * 1000) / 1000.0;
            int tp = 0, fp = 0, fn = 0;
            for (Features f : part) {
                boolean join = score.applyAsDouble(f) >= t;
                if (join && f.pair().same()) tp++;
                else if (join) fp++;
                else if (f.pair().same()) fn++;
            }
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp), r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = p + r == 0 ? 0 : (1 + beta * beta) * p * r / (beta * beta * p + r);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        return best;
    }

    /** The words' side of {@link TipIntake#GROUP_SQL} for one pair: shared lexemes (into {@code lexemes}) and similarity. */
    private static double words(Connection c, Pair p, boolean[] lexemes) throws SQLException {
        String sql = SimilarityService.WANTED.replace(":q", "?") + "SELECT to_tsvector('english', ?) @@ wanted.query, similarity(?, ?) FROM wanted";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, p.b());
            s.setString(2, p.a());
            s.setString(3, p.a());
            s.setString(4, p.b());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                lexemes[0] = r.getBoolean(1);
                return r.getDouble(2);
            }
        }
    }

    private static int count(List<Features> part, Predicate<Features> p) {
        return (int) part.stream().filter(p).count();
    }

    private static double median(List<Features> part, String label, java.util.function.ToDoubleFunction<Features> value) {
        double[] v = part.stream().filter(f -> label == null || f.pair().label().equals(label)).mapToDouble(value).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    private TipGroupingEvaluation() {
    }
}
