package org.factdesk.tip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.webhook.WebhookEndpoints;
import org.factdesk.webhook.WebhookSignature;

import java.time.Instant;
import java.util.Optional;

/** Partners' tiplines: registered, listed and deactivated by admins, each change audited in the desk chain. */
@ApplicationScoped
public class TipChannels {

    /** Active channels a desk may have (more is a 409), as many as webhook endpoints. */
    static final int MAX_ACTIVE = 100;

    @Inject
    AuditLog audit;

    /** The new channel with its signing secret, shown this once. */
    @Transactional
    public ChannelView register(Actor actor, ChannelRequest request) {
        if (PartnerChannel.named(request.name()).isPresent()) {
            // a deactivated channel keeps its name: its tips carry it
            throw Problems.conflict("Channel name taken", "A tip channel named '" + request.name()
                    + "' exists already (active or not); choose another name.");
        }
        if (PartnerChannel.count("active", true) >= MAX_ACTIVE) {
            throw Problems.conflict("Channel limit reached", "The desk has " + MAX_ACTIVE
                    + " active tip channels, the most it may have; deactivate one first.");
        }
        WebhookEndpoints.refuseForbiddenTarget("replyUrl", request.replyUrl());
        PartnerChannel channel = new PartnerChannel();
        channel.name = request.name();
        channel.replyUrl = request.replyUrl();
        channel.secret = WebhookSignature.newSecret();
        channel.active = true;
        channel.createdAt = Instant.now();
        channel.createdBy = actor.subject();
        channel.persistAndFlush();
        audit.desk(actor, AuditAction.TIP_CHANNEL_REGISTERED, audit.changes().value("channelId", channel.id)
                .value("name", channel.name).value("replyUrl", channel.replyUrl));
        return ChannelView.of(channel, true);
    }

    /** Active channels first, then the newest deactivated ones. */
    @Transactional
    public Page<ChannelView> page(PageRequest page) {
        return Page.of(PartnerChannel.<PartnerChannel>find("order by active desc, id desc"), page)
                .map(c -> ChannelView.of(c, false));
    }

    /**
     * The channel takes no more tips and gets no more answers; its tips stay. Deactivating it again
     * changes nothing and records nothing.
     */
    @Transactional
    public ChannelView deactivate(Actor actor, long id) {
        PartnerChannel channel = PartnerChannel.<PartnerChannel>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("Tip channel", id));
        if (channel.active) {
            channel.active = false;
            audit.desk(actor, AuditAction.TIP_CHANNEL_DEACTIVATED, audit.changes().value("channelId", id)
                    .value("name", channel.name));
        }
        return ChannelView.of(channel, false);
    }

    /** The signing secret of the active channel of this name, to check what it posts. */
    @Transactional
    public Optional<String> activeSecret(String name) {
        return PartnerChannel.named(name).filter(c -> c.active).map(c -> c.secret);
    }
}
