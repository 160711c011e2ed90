package org.factdesk.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.factdesk.desk.DeskSettings;
import org.factdesk.ticket.Ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** What a public fact-check page shows, read in one transaction: the published version and the desk's facts around it. */
@ApplicationScoped
public class PublicPages {

    /** {@code claimantErasedAt}: when the claimant was erased, if the published version names none for that reason. */
    public record Shown(PublishedFactCheck fc, ZoneId zone, Instant claimantErasedAt) {
    }

    @Transactional
    public Optional<Shown> find(long id) {
        return PublishedFactCheck.load(id).map(fc -> new Shown(fc, DeskSettings.get().zone(),
                fc.claimant() == null ? Ticket.<Ticket>findById(fc.id()).claim.claimantErasedAt : null));
    }
}
