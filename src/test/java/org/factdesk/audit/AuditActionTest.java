package org.factdesk.audit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history shows every action in words: the web app holds no copy of the set. */
class AuditActionTest {

    @Test
    void everyActionHasItsOwnBoundedLabelServedByItsStoredName() {
        Set<String> labels = new HashSet<>();
        for (AuditAction action : AuditAction.values()) {
            assertFalse(action.label == null || action.label.isBlank(), action + " has no label");
            assertTrue(action.label.length() <= AuditAction.LABEL_MAX, action + "'s label exceeds its bound");
            assertFalse(action.label.contains(action.id), action + "'s label repeats its raw name");
            assertTrue(labels.add(action.label), action + " shares its label with another action");
            assertEquals(action.label, AuditAction.labelOf(action.id));
            assertTrue(action.id.length() <= AuditAction.ID_MAX);
        }
        assertEquals(AuditAction.values().length, labels.size());
        assertEquals("claimed the ticket", AuditAction.labelOf("ticket.claim"));
        assertEquals("requested changes", AuditAction.labelOf("ticket.request-changes"));
    }

    @Test
    void anUnknownStoredNameIsShownAsItIs() {
        assertEquals("legacy.thing", AuditAction.labelOf("legacy.thing"));
        assertTrue(Arrays.stream(AuditAction.values()).noneMatch(a -> a.id.equals("legacy.thing")));
    }
}
