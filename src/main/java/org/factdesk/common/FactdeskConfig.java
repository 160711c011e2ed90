package org.factdesk.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every {@code factdesk.*} setting, with its default: the one place they are declared. Each is
 * also an environment variable ({@code factdesk.webhooks.poll-every} is
 * {@code FACTDESK_WEBHOOKS_POLL_EVERY}); the README's configuration table lists them all
 * ({@code ConfigurationTableTest}). Durations read {@code 10s}, {@code 1m}, {@code 365d} or ISO-8601;
 * the scheduled ones also {@code off}.
 */
@ConfigMapping(prefix = "factdesk")
public interface FactdeskConfig {

    /** The embedded PostgreSQL of a local run (started when no database URL is configured). */
    EmbeddedDb embeddedDb();

    /** Who publishes, and where the public pages live. */
    Publisher publisher();

    /** Scheduled publications. */
    Publishing publishing();

    /** The audit trail's public checkpoints. */
    Audit audit();

    /** Webhook deliveries from the outbox. */
    Webhooks webhooks();

    /** Article intake and the claim tools beside it. */
    Intake intake();

    /** The desk directory (members read from Keycloak). */
    People people();

    /** Live updates (PostgreSQL LISTEN/NOTIFY). */
    Live live();

    /** Security headers of the public port. */
    Http http();

    /** The web app's sign-in settings (/config.json). */
    Web web();

    /** Demo content. */
    Demo demo();

    /** Notifications by e-mail (the SMTP server itself is Quarkus Mailer's {@code quarkus.mailer.*}). */
    Mail mail();

    Tips tips();

    /** Preserved copies of evidence sources, and the link watch over published ones. */
    Captures captures();

    interface EmbeddedDb {
        /** Folder of the embedded PostgreSQL's data, relative to the working directory. */
        @WithDefault(".factdesk/pgdata")
        String dataDir();

        /** Port of the embedded PostgreSQL (on 127.0.0.1). */
        @WithDefault("54329")
        int port();
    }

    /** Absolute links come from here, never from the request. */
    interface Publisher {
        /** Public base URL of pages and feeds, without a trailing slash. */
        @WithDefault("http://localhost:8080")
        String baseUrl();

        /** The publishing organisation (ClaimReview author). */
        @WithDefault("Factdesk")
        String name();

        /** The publishing organisation's URL (ClaimReview author). */
        @WithDefault("http://localhost:8080")
        String url();

        /**
         * The desk's language (BCP 47, e.g. {@code en}, {@code pt-BR}): the language of a feed that is
         * not filtered by one. Each entry carries its own, the language of its published claim.
         */
        @WithDefault("en")
        String language();
    }

    interface Publishing {
        /** How often due scheduled publications are looked for (a duration, or {@code off}; read by {@code @Scheduled}). */
        @WithDefault("10s")
        String pollEvery();
    }

    interface Audit {
        /** How often an audit checkpoint is taken (a duration, or {@code off}: tests take them themselves). */
        @WithDefault("1m")
        String checkpointEvery();
    }

    interface Webhooks {
        /** How often the outbox is sent (a duration, or {@code off}; read by {@code @Scheduled}). */
        @WithDefault("2s")
        String pollEvery();

        /** One delivery's time for connecting, the answer's headers and its body together. */
        @WithDefault("10s")
        Duration timeout();

        /** Deliveries in flight at once (at most one per endpoint). */
        @WithDefault("8")
        int concurrency();
    }

    interface Intake {
        /** Time budget of one article's analysis (over it: 422, nothing stored); 500,000 characters take about 4 s of one core. */
        @WithDefault("10s")
        Duration analysisBudget();

        /** Analyses at once per replica, about one per core (all taken: 503 with Retry-After). */
        @WithDefault("2")
        int maxConcurrentAnalyses();

        /** The check-worthiness score from which a sentence is proposed as a claim; unset: the model's own. */
        OptionalDouble candidateThreshold();

        /**
         * The least trigram similarity (0 to 1) of a desk claim or prior review found by its words; claims and
         * reviews with an embedding are listed by their match score instead (meaning, words and numbers).
         */
        @WithDefault("0.3")
        double similarityThreshold();

        /**
         * The languages a text may be detected in (ISO 639-1 codes, comma-separated): the desk's, as few as it
         * needs, since each adds a model in memory. A text in none of them, or too short to tell, keeps the
         * language it was given.
         */
        @WithDefault("en,es,fr,de,it,pt")
        String languages();

        /** How often claims and prior reviews without an embedding get one (a duration, or {@code off}). */
        @WithDefault("2s")
        String meaningEvery();

        /** Importing ClaimReview from a URL. */
        @WithName("import")
        Import importing();

        interface Import {
            /** Time for fetching a page, redirects included. */
            @WithDefault("15s")
            Duration timeout();
        }
    }

    interface People {
        /** How long the desk directory keeps Keycloak's list of members. */
        @WithDefault("60s")
        Duration cacheTtl();
    }

    interface Live {
        /** How often the live-updates connection is checked ({@code SELECT 1}, which must answer within as long). */
        @WithDefault("10s")
        Duration checkEvery();
    }

    interface Http {
        /** {@code Strict-Transport-Security} max-age; always sent (browsers heed it only on HTTPS), {@code 0} withdraws it. */
        @WithDefault("365d")
        Duration hstsMaxAge();

        /**
         * How many verified bearer tokens are remembered until they expire, so that a person's next requests skip
         * their verification ({@code 0}: every request verifies its token).
         */
        @WithDefault("10000")
        int verifiedTokens();
    }

    interface Web {
        /** The realm URL browsers sign in at; unset: the server's own ({@code quarkus.oidc.auth-server-url}). */
        Optional<String> oidcAuthority();

        /** The web app's OIDC client. */
        @WithDefault("factdesk-web")
        String oidcClientId();
    }

    interface Demo {
        /** Load the demo content into an empty desk at start. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Mail {
        /** Send notifications by e-mail too (to people whose verified address Keycloak knows). */
        @WithDefault("false")
        boolean enabled();

        /** The sender address of notification mail. */
        @WithDefault("factdesk@localhost")
        String from();

        /** Where the web app lives, for links in mail (without a trailing slash). */
        @WithDefault("http://localhost:8080")
        String appUrl();

        /** How often waiting notification mail is sent (a duration, or {@code off}; read by {@code @Scheduled}). */
        @WithDefault("5s")
        String sendEvery();

        /** Attempts at one mail before it is given up (retried 1 min, 2 min, 4 min … apart). */
        @WithDefault("5")
        int maxAttempts();

        /** One mail's time for being handed to the SMTP server. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Captures {
        /** Capture a source when evidence is added or its URL changes (off: only when someone asks). */
        @WithDefault("true")
        boolean onEntry();

        /** How often the capture queue is worked (a duration, or {@code off}). */
        @WithDefault("2s")
        String every();

        /** Captures made at once by one replica. */
        @WithDefault("2")
        int concurrency();

        /** The most one capture keeps, the page and its subresources together. */
        @WithDefault("50M")
        MemorySize maxSize();

        /** One capture's time for the page and its subresources together. */
        @WithDefault("60s")
        Duration maxTime();

        /** The most one subresource (a stylesheet, an image) may add. */
        @WithDefault("10M")
        MemorySize maxResourceSize();

        /** The most subresources one capture fetches. */
        @WithDefault("200")
        int maxResources();

        /** Attempts at one capture before it fails (retried 1, 2, 4 … minutes apart). */
        @WithDefault("3")
        int maxAttempts();

        /** How often the link watch looks for published sources due a check (a duration, or {@code off}). */
        @WithDefault("10m")
        String watchEvery();

        /** How long a published source goes between two checks by the link watch. */
        @WithDefault("7d")
        Duration watchInterval();
    }

    interface Tips {
        /** How alike (pg_trgm similarity, 0 to 1) a new tip must be to a group's text to join that group. */
        @WithDefault("0.5")
        double groupThreshold();

        /** Tips one client address may send per window (0: no limit). */
        @WithDefault("5")
        int perAddressLimit();

        /** Tips all public clients together may send per window, a flood's ceiling (0: no limit). */
        @WithDefault("600")
        int globalLimit();

        /** The window of both rate limits. */
        @WithDefault("10m")
        Duration rateWindow();

        /** How many people asking suggests HIGH priority for their claim. */
        @WithDefault("10")
        int askedForHigh();

        /** How many people asking suggests URGENT priority for their claim. */
        @WithDefault("50")
        int askedForUrgent();

        /** How often waiting answers to requesters are sent (a duration, or {@code off}). */
        @WithDefault("5s")
        String answersEvery();

        /** Attempts at one answer before it is given up (retried 1 min, 2 min, 4 min … apart). */
        @WithDefault("8")
        int answerMaxAttempts();

        /** One answer's time for being handed to the SMTP server or the partner's reply URL. */
        @WithDefault("30s")
        Duration answerTimeout();

        /** How often contacts past their retention period are deleted (a duration, or {@code off}). */
        @WithDefault("1h")
        String retentionEvery();

        Mailbox mailbox();

        /** The desk's tip mailbox, read over IMAP; off without a host. */
        interface Mailbox {
            Optional<String> host();

            @WithDefault("993")
            int port();

            /** IMAPS (TLS from the start); false for plain IMAP on a closed network or in tests. */
            @WithDefault("true")
            boolean ssl();

            Optional<String> user();

            Optional<String> password();

            /** The folder tips arrive in; only its unseen messages are read. */
            @WithDefault("INBOX")
            String folder();

            /** Where a message goes once its tip is stored (created if missing). */
            @WithDefault("Processed")
            String processedFolder();

            /** Where a message that is no tip goes (unreadable, no text, an automatic reply), never read again. */
            @WithDefault("Unprocessable")
            String rejectedFolder();

            /** How often the mailbox is read (a duration, or {@code off}). */
            @WithDefault("1m")
            String pollEvery();

            /** One mailbox read's deadline (connect, read, move). */
            @WithDefault("30s")
            Duration timeout();
        }
    }
}
