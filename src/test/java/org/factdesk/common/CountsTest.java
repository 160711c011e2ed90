package org.factdesk.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Totals are exact up to the cap and the planner's estimate above, never below what the capped count saw. */
@QuarkusTest
class CountsTest {

    @Test
    void exactUpToTheCapEstimatedAbove() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(Counts.Total.exact(Counts.EXACT_UP_TO),
                    Counts.of("SELECT g FROM generate_series(1, ?) g", List.of(Counts.EXACT_UP_TO)));
            assertEquals(Counts.Total.exact(0), Counts.of("SELECT g FROM generate_series(1, 10) g WHERE g > ?", List.of(10)));
            // generate_series with constant bounds has an exact row estimate (its planner support function).
            Counts.Total big = Counts.of("SELECT g FROM generate_series(1, 2000000) g", List.of());
            assertFalse(big.exact());
            assertEquals(2_000_000, big.value());
            // A filter the planner cannot estimate well still never shows fewer rows than were counted.
            Counts.Total filtered = Counts.of("SELECT g FROM generate_series(1, 20000) g WHERE g % 7 < ?", List.of(7));
            assertFalse(filtered.exact());
            assertTrue(filtered.value() > Counts.EXACT_UP_TO, String.valueOf(filtered.value()));
        });
    }
}
