package org.factdesk.capture;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.factdesk.audit.AuditVerifier;
import org.factdesk.audit.StoredContent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each finished capture against the trail: the digest its {@code evidence.captured} event states is
 * the digest of what is stored now (re-read chunk by chunk; content kept once for several captures is
 * read once). An erased capture is skipped: the erasures list names it.
 */
@ApplicationScoped
public class CaptureCheck implements StoredContent {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CaptureStore store;

    @Override
    public Check verify(int maxBroken) {
        long checked = 0;
        List<AuditVerifier.BrokenContent> broken = new ArrayList<>();
        Map<String, Optional<String>> rehashed = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT c.id, e.changes ->> 'warcDigest'
                     FROM capture c
                     LEFT JOIN audit_event e ON e.ticket_id = c.ticket_id AND e.action = 'evidence.captured'
                                            AND e.changes ->> 'captureId' = c.id::text
                     WHERE c.state = 'DONE' AND c.erased_at IS NULL
                     ORDER BY c.id""")) {
            statement.setFetchSize(500);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next() && broken.size() < maxBroken) {
                    checked++;
                    long id = row.getLong(1);
                    String stated = row.getString(2);
                    String problem;
                    if (stated == null) {
                        problem = "no evidence.captured event in its ticket's trail states its digest";
                    } else {
                        Optional<String> now = rehashed.computeIfAbsent(stated, store::rehash);
                        problem = now.isEmpty() ? "its stored copy is missing"
                                : now.get().equals(stated) ? null
                                : "its stored copy no longer matches the digest in the audit trail";
                    }
                    if (problem != null) {
                        broken.add(new AuditVerifier.BrokenContent("capture", id, problem));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The captures could not be checked", e);
        }
        return new Check(checked, broken);
    }
}
