package org.factdesk.audit;

import java.util.List;

/**
 * Content kept outside the audit trail whose digest an audit event states (the preserved copies of
 * sources): {@link AuditVerifier} asks each implementation to re-read its content against the trail.
 * Erased content is not broken content: it is skipped here and listed among the erasures.
 */
public interface StoredContent {

    /** How much was re-read, and what no longer matches the digest in the trail (at most {@code maxBroken}). */
    record Check(long checked, List<AuditVerifier.BrokenContent> broken) {
    }

    Check verify(int maxBroken);
}
