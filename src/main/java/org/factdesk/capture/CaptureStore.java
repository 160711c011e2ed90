package org.factdesk.capture;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Stored content addressed by its SHA-256 ({@code sha256:} and hex): the same bytes are kept once, in
 * chunks of {@link #CHUNK} bytes, written and read one chunk at a time so that memory stays flat.
 */
@ApplicationScoped
public class CaptureStore {

    static final int CHUNK = 1 << 20;

    @Inject
    AgroalDataSource dataSource;

    /** The digest of a file as this store names content. */
    static String digestOf(Path file) throws IOException {
        MessageDigest digest = PageRecorder.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return "sha256:" + PageRecorder.hex(digest.digest());
    }

    /** Stores the file under its digest unless those bytes are held already; in the caller's transaction. */
    void put(Path file, String digest) {
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try {
                put(connection, file, digest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@link #put} on a connection: one chunk in memory at a time. */
    static void put(Connection connection, Path file, String digest) throws SQLException, IOException {
        long size = Files.size(file);
        int chunks = (int) ((size + CHUNK - 1) / CHUNK);
        try (PreparedStatement blob = connection.prepareStatement(
                "INSERT INTO capture_blob (digest, size, chunks) VALUES (?, ?, ?) ON CONFLICT (digest) DO NOTHING")) {
            blob.setString(1, digest);
            blob.setLong(2, size);
            blob.setInt(3, chunks);
            if (blob.executeUpdate() == 0) {
                return; // the same bytes are stored already
            }
        }
        try (InputStream in = Files.newInputStream(file);
             PreparedStatement chunk = connection.prepareStatement(
                     "INSERT INTO capture_chunk (digest, seq, data) VALUES (?, ?, ?)")) {
            byte[] buffer = new byte[CHUNK];
            for (int seq = 0; seq < chunks; seq++) {
                int n = in.readNBytes(buffer, 0, CHUNK);
                chunk.setString(1, digest);
                chunk.setInt(2, seq);
                chunk.setBytes(3, n == CHUNK ? buffer : Arrays.copyOf(buffer, n));
                chunk.executeUpdate();
            }
        }
    }

    /** Deletes stored content that no capture left unerased refers to; in the caller's transaction. */
    void deleteIfUnused(String digest) {
        Panache.getEntityManager().createNativeQuery("""
                        DELETE FROM capture_blob WHERE digest = :digest
                          AND NOT EXISTS (SELECT 1 FROM capture WHERE warc_digest = :digest AND erased_at IS NULL)""")
                .setParameter("digest", digest).executeUpdate();
    }

    /**
     * Stored content from byte {@code from} on, read chunk by chunk (each by a query of its own, outside
     * any transaction); empty when nothing is stored under the digest.
     */
    Optional<InputStream> open(String digest, long from) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT chunks FROM capture_blob WHERE digest = ?")) {
            statement.setString(1, digest);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ChunkStream(digest, row.getInt(1), from));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Stored content could not be read", e);
        }
    }

    /** The digest of what is stored now under a digest, recomputed from its chunks; empty when nothing is. */
    public Optional<String> rehash(String digest) {
        Optional<InputStream> content = open(digest, 0);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        MessageDigest sha = PageRecorder.sha256();
        try (InputStream in = content.get()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of("sha256:" + PageRecorder.hex(sha.digest()));
    }

    private byte[] chunk(String digest, int seq) throws IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT data FROM capture_chunk WHERE digest = ? AND seq = ?")) {
            statement.setString(1, digest);
            statement.setInt(2, seq);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IOException("chunk " + seq + " of stored content is missing");
                }
                return row.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IOException("stored content could not be read", e);
        }
    }

    /** Reads the chunks in order, holding one at a time. */
    private final class ChunkStream extends InputStream {
        private final String digest;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int position;

        ChunkStream(String digest, int chunks, long from) {
            this.digest = digest;
            this.chunks = chunks;
            this.next = (int) (from / CHUNK);
            this.position = -(int) (from % CHUNK); // skipped once the first chunk is read
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (position >= current.length || position < 0) {
                if (next >= chunks) {
                    return -1;
                }
                int skip = position < 0 ? -position : 0;
                current = chunk(digest, next++);
                position = skip;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
