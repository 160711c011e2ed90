package org.factdesk.live;

/**
 * A bean told when PostgreSQL notifies its channel, whichever replica's transaction did (NOTIFY is delivered
 * at commit). {@link ChangeFeed}'s connection LISTENs to every such channel; it calls {@link #missed()} whenever
 * notifications may have been lost (the connection was lost or is new), so that nothing relies on silence.
 */
public interface ChannelListener {

    /** The channel's name, lower case (PostgreSQL folds unquoted names). */
    String channel();

    void heard();

    void missed();
}
