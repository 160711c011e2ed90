package org.factdesk.audit;

/**
 * The row that keeps the head of a ticket's audit chain (its last sequence number and hash), so
 * the audit log can append to the chain without knowing what a ticket is. The holder stores the
 * moved head in its own row, in the same transaction as the event.
 */
public interface ChainHead {

    /** The ticket's id: the chain is {@code ticket:<id>}. */
    long chainId();

    int headSeq();

    String headHash();

    void moveHead(int seq, String hash);

    /** The status the holder is in now, announced with the event when the event names none. */
    String statusName();
}
