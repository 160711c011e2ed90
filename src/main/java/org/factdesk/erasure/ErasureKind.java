package org.factdesk.erasure;

import org.factdesk.audit.AuditVerifier;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What can be erased: each names a personal field and the kind of row its id points at. */
public enum ErasureKind {
    /** A claim's claimant, also in the claim's published verdict versions. */
    CLAIMANT("claimant"),
    /** A comment's body. */
    COMMENT("comment"),
    /** An article's author. */
    ARTICLE_AUTHOR("article-author"),
    /** An article's text and the sentences read from it. */
    ARTICLE_TEXT("article-text"),
    /** A tip's contact (a requester's e-mail address or partner requester id); its waiting answers are dropped. */
    TIP_CONTACT("tip-contact"),
    /** A preserved copy of a source (its WARC and text); its digest stays in the trail, which verify reports as erased. */
    CAPTURE("capture");

    /** Longer than any kind's name (the API states it as the names' bound, the audit report too). */
    public static final int NAME_MAX = AuditVerifier.Erased.KIND_MAX;

    /** The name the API and the {@code erasure.kind} column use. */
    public final String wire;

    ErasureKind(String wire) {
        this.wire = wire;
    }

    public static Optional<ErasureKind> of(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(k -> k.wire).toList();
    }
}
