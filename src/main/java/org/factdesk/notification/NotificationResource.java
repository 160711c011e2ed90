package org.factdesk.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.Roles;

/** The caller's own notifications: what others did to their work, and who mentioned them. */
@Path("/api/notifications")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    CurrentActor actor;

    /** The caller's notifications, newest first; {@code unread=true} lists the unread ones only. */
    @GET
    public Page<NotificationView> list(@QueryParam("unread") @DefaultValue("false") boolean unread,
                                       @Valid @BeanParam KeysetRequest page) {
        return notifications.page(actor.get(), unread, page);
    }

    /** How many of the caller's notifications are unread (the web app's bell). */
    @GET
    @Path("unread-count")
    public UnreadCountView unreadCount() {
        return notifications.unreadCount(actor.get());
    }

    /** Marks one of the caller's notifications read; another person's answers 404. */
    @POST
    @Path("{id}/read")
    public NotificationView read(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return notifications.markRead(actor.get(), id);
    }

    /** Marks all of the caller's notifications read; answers the unread count that leaves (0). */
    @POST
    @Path("read-all")
    public UnreadCountView readAll() {
        notifications.markAllRead(actor.get());
        return notifications.unreadCount(actor.get());
    }
}
