package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/**
 * What one member of the public sent, from any channel (migration V14). The contact (an e-mail
 * address, or a partner's requester id) is kept only with consent, only until the retention period
 * after the final answer, and never leaves the desk: audit events hold a commitment to it at most.
 */
@Entity
public class Tip extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long groupId;

    /** {@link TipChannel#WEB}, {@link TipChannel#EMAIL} or a partner channel's name. */
    public String channel;

    public String text;

    public String[] links = new String[0];

    public String language;

    public Instant receivedAt;

    /** SHA-256 of the receipt token ({@link ReceiptToken}). */
    public byte[] tokenHash;

    public String contact;

    public byte[] contactSalt;

    /** When the contact was deleted: retention period over, or erased on request. */
    public Instant contactRemovedAt;

    public boolean consent;

    /** The published fact-check the desk answered with by itself (desk settings), and how alike it was. */
    public Long autoAnsweredClaimId;

    public Float autoAnsweredSimilarity;

    /** Its meaning (V25), none when the model does not read its language. */
    public byte[] embedding;
}
