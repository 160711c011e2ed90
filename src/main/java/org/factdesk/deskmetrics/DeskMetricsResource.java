package org.factdesk.deskmetrics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.common.Roles;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The desk's figures ({@link DeskMetrics}) for whole days in the desk's time zone ({@code from}, {@code to}: ISO
 * dates, both included; by default the last 30 days), and the tickets behind each. Editors and admins read the
 * desk's, or one person's; others their own ({@link MetricsPolicy}).
 */
@Path("/api/metrics")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class DeskMetricsResource {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    private static final String FIGURE = "timeToClaim|inProgress|review|toPublish|endToEnd|published|sentBack|corrected|retracted|backlog|overdue";

    @Inject
    DeskMetrics metrics;

    @Inject
    CurrentActor current;

    @GET
    public DeskMetricsView get(@QueryParam("from") @Pattern(regexp = DATE, message = "must be a date (YYYY-MM-DD)") @Size(max = Limits.DATE_MAX) String from,
                               @QueryParam("to") @Pattern(regexp = DATE, message = "must be a date (YYYY-MM-DD)") @Size(max = Limits.DATE_MAX) String to,
                               @QueryParam("bucket") @DefaultValue("day") @Pattern(regexp = "day|week", message = "must be day or week")
                               @Size(max = 4) String bucket,
                               @QueryParam("person") @Size(max = Limits.SUBJECT_MAX) String person) {
        return metrics.metrics(date(from, "from"), date(to, "to"), MetricsPolicy.person(current.get(), person), bucket);
    }

    /** The tickets behind one figure of the same period, a page at a time. */
    @GET
    @Path("tickets")
    public Page<FigureTicket> tickets(@QueryParam("figure") @Pattern(regexp = FIGURE, message = "must be one of " + FIGURE)
                                      @Size(max = 16) String figure,
                                      @QueryParam("from") @Pattern(regexp = DATE, message = "must be a date (YYYY-MM-DD)") @Size(max = Limits.DATE_MAX) String from,
                                      @QueryParam("to") @Pattern(regexp = DATE, message = "must be a date (YYYY-MM-DD)") @Size(max = Limits.DATE_MAX) String to,
                                      @QueryParam("bucket") @DefaultValue("day") @Pattern(regexp = "day|week", message = "must be day or week")
                                      @Size(max = 4) String bucket,
                                      @QueryParam("start") @Pattern(regexp = DATE, message = "must be a date (YYYY-MM-DD)") @Size(max = Limits.DATE_MAX) String start,
                                      @QueryParam("dimension") @Pattern(regexp = "person|topic|rating|language",
                                              message = "must be person, topic, rating or language") @Size(max = 8) String dimension,
                                      @QueryParam("key") @Size(max = Limits.SUBJECT_MAX) String key,
                                      @QueryParam("day") @Pattern(regexp = DATE, message = "must be a date (YYYY-MM-DD)") @Size(max = Limits.DATE_MAX) String day,
                                      @QueryParam("person") @Size(max = Limits.SUBJECT_MAX) String person,
                                      @Valid @BeanParam PageRequest page) {
        if (figure == null) {
            throw Problems.badRequest("'figure' is required: one of " + FIGURE.replace("|", ", ") + ".");
        }
        return metrics.tickets(date(from, "from"), date(to, "to"), MetricsPolicy.personFor(current.get(), person, figure), figure,
                bucket, date(start, "start"), dimension, key, date(day, "day"), page);
    }

    private static LocalDate date(String value, String name) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw Problems.badRequest("'" + name + "' is not a date of the calendar: " + value + ".");
        }
    }
}
