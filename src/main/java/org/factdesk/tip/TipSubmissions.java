package org.factdesk.tip;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.factdesk.common.BodyLimit;

import java.util.List;

/**
 * Tips from the public web (the JSON endpoint and the form), one rule set for both: the honeypot, the
 * contact's consent and the rate limits are checked before anything is stored, so a refused tip
 * leaves nothing behind but a count in its rate window.
 */
@ApplicationScoped
public class TipSubmissions {

    /**
     * A tip not taken: for a field (400, which the form shows next to it) or over a rate limit (429).
     * {@link #problem()} is the JSON endpoint's answer.
     */
    public static final class Refused extends RuntimeException {
        private final String field;
        private final TipRateLimit.Refusal tooMany;
        private final HttpProblem problem;

        Refused(String field, HttpProblem problem) {
            super(problem.getDetail(), null, false, false);
            this.field = field;
            this.tooMany = null;
            this.problem = problem;
        }

        Refused(TipRateLimit.Refusal tooMany) {
            super(tooMany.detail(), null, false, false);
            this.field = null;
            this.tooMany = tooMany;
            this.problem = tooMany.problem();
        }

        /** The field at fault, or null for a rate limit. */
        public String field() {
            return field;
        }

        public TipRateLimit.Refusal tooMany() {
            return tooMany;
        }

        public HttpProblem problem() {
            return problem;
        }
    }

    @Inject
    TipRateLimit rateLimit;

    @Inject
    TipIntake intake;

    /**
     * Takes a tip that passed its validation annotations from a client at {@code clientAddress}.
     * {@link Refused} for the honeypot or a contact without consent, or over a rate limit.
     */
    public TipIntake.Receipt submit(TipSubmission tip, String clientAddress) {
        if (tip.honeypotFilled()) {
            // A problem rather than a fake receipt: a person whose browser filled the hidden field by
            // mistake learns that the tip was not taken, instead of following a receipt that leads
            // nowhere. Robots learn little from it that they could not learn by reading the form.
            throw new Refused("website", HttpProblem.builder().withStatus(400).withTitle("Tip refused")
                    .withDetail("Field 'website' is for robots only and must be left empty.").with("field", "website").build());
        }
        if (tip.hasContact() && !tip.consented()) {
            throw new Refused("consent", HttpProblem.builder().withStatus(400).withTitle("Bad request")
                    .withDetail("A contact address is kept only with consent: send consent: true with it, or leave the contact out.")
                    .with("field", "consent").build());
        }
        rateLimit.admitAddress(clientAddress).ifPresent(refusal -> {
            throw new Refused(refusal);
        });
        List<String> links = tip.links() == null ? List.of() : tip.links();
        return intake.receive(new TipInput(TipChannel.WEB, tip.text().strip(), links, tip.language(),
                tip.hasContact() ? tip.contact().strip() : null, tip.consented()));
    }

    /** Both public ways in take the largest valid tip and no more. */
    static final String JSON_PATH = "/public/tips";
    static final String FORM_PATH = "/tips/new";

    @Produces
    @Singleton
    BodyLimit jsonLimit() {
        return new BodyLimit(JSON_PATH, TipSubmission.MAX_BODY_BYTES);
    }

    @Produces
    @Singleton
    BodyLimit formLimit() {
        return new BodyLimit(FORM_PATH, TipSubmission.MAX_BODY_BYTES);
    }
}
