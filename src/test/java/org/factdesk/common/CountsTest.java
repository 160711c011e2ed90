package org.factdesk.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Totals are exact up to the cap and the planner's estimate above, never below what the capped count saw. */
@QuarkusTest
class CountsTest {

    @Test
    void exactUpToTheCapEstimatedAbove() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(Counts.Total.exact(Counts.EXACT_UP_TO),
                    Counts.of("SELECT g FROM generate_series(1, ?) g", List.of(Counts.EXACT_UP_TO),
                            Counts.EXACT_UP_TO));
            assertEquals(Counts.Total.exact(0), Counts.of("SELECT g FROM generate_series(1, 10) g WHERE g > ?", List.of(10),
                    Counts.EXACT_UP_TO));
            // generate_series with constant bounds has an exact row estimate (its planner support function).
            Counts.Total big = Counts.of("SELECT g FROM generate_series(1, 2000000) g", List.of(), Counts.EXACT_UP_TO);
            assertFalse(big.exact());
            assertEquals(2_000_000, big.value());
            // A filter the planner cannot estimate well still never shows fewer rows than were counted.
            Counts.Total filtered = Counts.of("SELECT g FROM generate_series(1, 20000) g WHERE g % 7 < ?", List.of(7),
                    Counts.EXACT_UP_TO);
            assertFalse(filtered.exact());
            assertTrue(filtered.value() > Counts.EXACT_UP_TO, String.valueOf(filtered.value()));
        });
    }

    /** A list whose count fails: a total that comes back without an error was told by the page, not counted. */
    static final String UNCOUNTABLE = "SELECT g FROM generate_series(1, 7) g WHERE 1 / (g - g) = 0";
    static final String SEVEN = "SELECT g FROM generate_series(1, 7) g";

    @Test
    void aPageByOffsetThatEndsTheListTellsItsTotalWithoutACount() {
        QuarkusTransaction.requiringNew().run(() -> {
            // pages of 2 over 7 rows, each read asking for 3: the last (offset 6) holds 1, an empty list's first none
            assertEquals(Counts.Total.exact(7), Counts.ofPage(UNCOUNTABLE, List.of(), new PageRequest(3, 2), 1, 10));
            assertEquals(Counts.Total.exact(7), Counts.ofPage(UNCOUNTABLE, List.of(), new KeysetRequest(3, 2, null), 1, 10));
            assertEquals(Counts.Total.exact(0), Counts.ofPage(UNCOUNTABLE, List.of(), new PageRequest(0, 2), 0, 10));
            // a full page (3 read), a page past the end (0 read at offset 10) and a page after a cursor are counted
            assertEquals(Counts.Total.exact(7), Counts.ofPage(SEVEN, List.of(), new PageRequest(0, 2), 3, 10));
            assertEquals(Counts.Total.exact(7), Counts.ofPage(SEVEN, List.of(), new PageRequest(5, 2), 0, 10));
            assertEquals(Counts.Total.exact(7), Counts.ofPage(SEVEN, List.of(), new KeysetRequest(0, 2, "cursor"), 1, 10));
            assertEquals(new Counts.Total(7, false), Counts.ofPage(SEVEN, List.of(), new PageRequest(0, 2), 3, 5));
        });
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                Counts.of(UNCOUNTABLE, List.of(), Counts.EXACT_UP_TO)), "counting the uncountable list fails");
    }
}
