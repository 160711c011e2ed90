package org.factdesk.priorreview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints, per form, how many corpus items the reader on the class path imports, and how many with
 * every expected value, as a Markdown table. Runs against any reader version (the corpus reaches it
 * by reflection): docs/claimreview-import.md says how the figures before and after were taken.
 * <p>
 * {@code java -cp <test classpath> org.factdesk.priorreview.ClaimReviewCorpusReport [--failures]}
 */
public final class ClaimReviewCorpusReport {

    private ClaimReviewCorpusReport() {
    }

    public static void main(String[] args) {
        boolean failures = List.of(args).contains("--failures");
        print("Hand-written and real items", ClaimReviewCorpus.fileItems().stream().map(ClaimReviewCorpus::run).toList(), failures);
        print("Generated items (seed " + ClaimReviewCorpus.SEED + ", one or two forms each)",
                ClaimReviewCorpus.generatedItems().stream().map(ClaimReviewCorpus::run).toList(), failures);
    }

    private static void print(String title, List<ClaimReviewCorpus.Outcome> outcomes, boolean failures) {
        System.out.println("### " + title);
        System.out.println();
        System.out.println("| form | items | imported | with the right values |");
        System.out.println("| --- | ---: | ---: | ---: |");
        Map<String, int[]> table = ClaimReviewCorpus.tally(outcomes);
        table.forEach((form, row) -> System.out.printf(Locale.ROOT, "| %s | %d | %d | %d |%n", form, row[0], row[1], row[2]));
        long imported = outcomes.stream().filter(ClaimReviewCorpus.Outcome::imported).count();
        long faithful = outcomes.stream().filter(ClaimReviewCorpus.Outcome::faithful).count();
        System.out.printf(Locale.ROOT, "| **all** | %d | %d | %d |%n%n", outcomes.size(), imported, faithful);
        if (failures) {
            List<String> lines = new ArrayList<>();
            outcomes.stream().filter(o -> !o.faithful()).forEach(o -> lines.add("- " + ClaimReviewCorpus.describe(o)));
            lines.stream().limit(60).forEach(System.out::println);
            System.out.println();
        }
    }
}
