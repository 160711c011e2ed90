package org.factdesk;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditLog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules of the structure that the compiler cannot see: on the compiled classes (ArchUnit), feature
 * packages depend on each other one way only and resources leave transactions, storage and audit to
 * their services; on the source, only the audit package writes the audit trail, and claim-next's
 * fast path carries out the door's plan without field writes, event names or audit SQL of its own.
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

    /**
     * Resources map HTTP to a service call and answer its view: transactions, entities, queries and
     * the audit log are their services' business (a view that reads lazy associations is built in
     * the service's transaction).
     */
    @Test
    void resourcesLeaveTransactionsStorageAndAuditToServices() {
        DescribedPredicate<JavaClass> storage = assignableTo(PanacheEntityBase.class).or(assignableTo(Panache.class))
                .or(assignableTo(EntityManager.class)).or(assignableTo(QuarkusTransaction.class))
                .or(assignableTo(AuditLog.class)).as("entities, the entity manager, transactions or the audit log");
        noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class).should().accessClassesThat(storage)
                .orShould().beAnnotatedWith(Transactional.class).check(CLASSES);
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(jakarta.ws.rs.Path.class).should()
                .beAnnotatedWith(Transactional.class).check(CLASSES);
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
    void theRowPathCarriesOutThePlanWithoutRulesOfItsOwn() {
        String nextTicket = read(MAIN.resolve("ticket/NextTicket.java"));
        String rows = read(MAIN.resolve("ticket/TicketRows.java"));
        assertTrue(nextTicket.contains("TransitionPlan.of(") && nextTicket.contains(".carryOut("),
                "NextTicket asks the door for the plan and has the row path carry it out");
        assertTrue(rows.contains(".applyTo("), "TicketRows applies the plan it is given");
        for (String source : List.of(nextTicket, rows)) {
            for (String forbidden : List.of("audit_event", "INSERT INTO", "UPDATE ticket", "\"ticket.", "AuditAction.",
                    "TicketStatus.", "enforceLimit")) {
                assertTrue(!source.contains(forbidden), "the row path must not contain " + forbidden);
            }
            assertTrue(!Pattern.compile("\\w+\\.\\w+\\s*=[^=]").matcher(source.replaceAll("\"[^\"]*\"", "\"\"")).find(),
                    "the row path assigns no field: the plan and the row writer do");
        }
        String row = read(MAIN.resolve("ticket/TicketRow.java"));
        assertTrue(!row.contains("TicketStatus.IN_PROGRESS") && !row.contains("\"ticket."),
                "the row path's writer writes what the plan says, for any action");
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
