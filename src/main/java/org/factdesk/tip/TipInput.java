package org.factdesk.tip;

import org.factdesk.claim.ClaimRequest;

import java.util.List;

/**
 * A tip as any channel hands it over, already validated by that channel: the core knows no channel.
 * {@code contact} is an e-mail address (web, email) or the partner's own requester id, kept only
 * when {@code consent} is given.
 */
public record TipInput(String channel, String text, List<String> links, String language, String contact,
                       boolean consent) {

    /** As long as a claim may be, since a tip can become one. */
    public static final int TEXT_MAX = ClaimRequest.TEXT_MAX;
    public static final int LINKS_MAX = 10;
    /** RFC 5321's longest path; partner requester ids are held to it too. */
    public static final int CONTACT_MAX = 254;

    public TipInput {
        links = links == null ? List.of() : List.copyOf(links);
        if (!consent) {
            contact = null; // nothing kept that the requester did not agree to
        }
    }
}
