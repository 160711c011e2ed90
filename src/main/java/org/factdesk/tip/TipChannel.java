package org.factdesk.tip;

/**
 * The channels a tip comes from. The web form and the desk's mailbox are built in; every other
 * channel is a partner's ({@code tip_channel}), added by an admin without a change here.
 */
public final class TipChannel {

    public static final String WEB = "web";
    public static final String EMAIL = "email";

    private TipChannel() {
    }

    /** Whether answers to this channel's tips go out by e-mail (else to the partner's reply URL). */
    public static boolean answersByMail(String channel) {
        return WEB.equals(channel) || EMAIL.equals(channel);
    }
}
