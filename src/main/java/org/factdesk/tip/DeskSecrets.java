package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys the desk makes once and every replica shares ({@code desk_secret}, migration V14). The first
 * replica to need a key inserts a random one; a replica racing it keeps the row that won
 * ({@code ON CONFLICT DO NOTHING}, then read), so all of them use the same key. A key never changes
 * once made, so each replica caches it.
 */
@ApplicationScoped
public class DeskSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** The desk's 256-bit key of that name, made on first use. */
    public byte[] key(String name) {
        byte[] key = cache.get(name);
        if (key == null) {
            key = load(name);
            cache.putIfAbsent(name, key);
        }
        return key.clone();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    byte[] load(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        var em = Panache.getEntityManager();
        em.createNativeQuery("INSERT INTO desk_secret (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .setParameter("name", name).setParameter("value", fresh).executeUpdate();
        return (byte[]) em.createNativeQuery("SELECT value FROM desk_secret WHERE name = :name")
                .setParameter("name", name).getSingleResult();
    }
}
