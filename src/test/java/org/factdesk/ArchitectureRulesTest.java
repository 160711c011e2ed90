package org.factdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules of the structure that the compiler cannot see: feature packages depend on each other one
 * way only (on the compiled classes); and, on the source, only the audit package writes the audit
 * trail, claim-next's fast path carries out the door's plan without field writes, event names or
 * audit SQL of its own, and thin resources leave storage to their services.
 */
class ArchitectureRulesTest {

    private static final Path MAIN = Path.of("src/main/java/org/factdesk");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.factdesk");

    /**
     * Each top-level package under {@code org.factdesk} is a feature (its sub-packages belong to it).
     * Core features sit below the workflow that combines them: audit ← ticket ← comment, evidence,
     * verdict ← publishing, webhook ← workflow ← intake, erasure, demo, web.
     */
    @Test
    void featurePackagesDependOnEachOtherOneWayOnly() {
        slices().matching("org.factdesk.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheAuditPackageWritesTheAuditTrail() throws IOException {
        Pattern writes = Pattern.compile("(?i)(insert\\s+into|update|delete\\s+from|truncate)\\s+audit_(event|checkpoint)"
                + "|new\\s+AuditEvent\\s*\\(|new\\s+AuditCheckpoint\\s*\\(");
        List<String> offenders = sources().filter(file -> !file.startsWith(MAIN.resolve("audit")))
                .filter(file -> writes.matcher(read(file)).find()).map(Path::toString).toList();
        assertEquals(List.of(), offenders, "only org.factdesk.audit writes audit_event and audit_checkpoint");
    }

    @Test
    void claimNextCarriesOutThePlanWithoutRulesOfItsOwn() {
        String nextTicket = read(MAIN.resolve("ticket/NextTicket.java"));
        assertTrue(nextTicket.contains("TransitionPlan.of(") && nextTicket.contains(".applyTo("),
                "NextTicket asks the door for the plan and applies it");
        for (String forbidden : List.of("audit_event", "INSERT INTO", "UPDATE ticket", "\"ticket.", "AuditAction.",
                "TicketStatus.", "enforceLimit")) {
            assertTrue(!nextTicket.contains(forbidden), "NextTicket must not contain " + forbidden);
        }
        assertTrue(!Pattern.compile("\\w+\\.\\w+\\s*=[^=]").matcher(nextTicket.replaceAll("\"[^\"]*\"", "\"\"")).find(),
                "NextTicket assigns no field: the plan and the row writer do");
        String row = read(MAIN.resolve("ticket/TicketRow.java"));
        assertTrue(!row.contains("TicketStatus.IN_PROGRESS") && !row.contains("\"ticket."),
                "the fast path's row writer writes what the plan says, for any action");
    }

    /**
     * Resources that only map HTTP to service calls and views: transactions, storage and audit live in
     * their services. Not yet every resource (ticket, claim, audit, erasure and the public checkpoint
     * still hold transactions); each one cleaned joins this list.
     */
    @Test
    void thinResourcesLeaveTransactionsStorageAndAuditToServices() {
        List<String> thin = List.of("comment/CommentResource.java", "rating/RatingScaleResource.java",
                "desk/DeskSettingsResource.java", "webhook/WebhookResource.java", "erasure/ErasureResource.java",
                "audit/PublicCheckpointResource.java", "audit/AuditResource.java");
        Pattern storage = Pattern.compile("@Transactional|\\bpersist(AndFlush)?\\(|\\.flush\\(|EntityManager|Panache"
                + "|\\bAuditLog\\b");
        List<String> offenders = thin.stream().filter(file -> storage.matcher(read(MAIN.resolve(file))).find()).toList();
        assertEquals(List.of(), offenders, "these resources leave transactions, storage and audit to their services");
    }

    private static Stream<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
