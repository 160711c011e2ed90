package org.factdesk.web;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;
import org.factdesk.common.Roles;
import java.util.List;

/** {@code roles}: the caller's desk roles (a token may hold others, e.g. Keycloak's own). */
public record MeView(@Schema(maxLength = Limits.SUBJECT_MAX) String subject,
                     @Schema(maxItems = Roles.COUNT) List<@Size(max = Roles.NAME_MAX) String> roles,
                     DeskPermissions permissions) {
}
