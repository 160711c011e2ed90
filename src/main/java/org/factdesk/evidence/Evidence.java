package org.factdesk.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/** What a fact-checker found. */
@Entity
public class Evidence extends PanacheEntityBase {

    public enum SourceKind { OFFICIAL_RECORD, DATASET, EXPERT, MEDIA, IMAGERY, DOCUMENT, SOCIAL_MEDIA, OTHER }

    public enum Stance { SUPPORTS, REFUTES, CONTEXT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long ticketId;

    public String url;

    public String title;

    public String excerpt;

    @Enumerated(EnumType.STRING)
    public SourceKind sourceKind;

    @Enumerated(EnumType.STRING)
    public Stance stance;

    public LocalDate accessedOn;

    public String archiveUrl;

    public String createdBy;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    /** The most evidence one ticket may cite; its list, and the sources a published version snapshots, stay bounded. */
    public static final int MAX_PER_TICKET = 100;
}
