package org.factdesk.meaning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Exact nearest-neighbour search by cosine over unit vectors held in memory as bytes: each vector is kept as
 * 384 signed bytes and its scale (int8, a quarter of float32: 100,000 texts take 38 MB, 64 MB with the
 * arrays' room to grow), and a search reads every one of them, so nothing is approximated but the rounding
 * (cosines within about 0.01 of the float ones; callers rescore the few they keep from the stored floats).
 * A search is a linear scan on one core (see {@code bench/meaning.sh} for its time at 100,000). Writers and searchers take turns
 * (a read-write lock); updates overwrite a key's slot.
 */
public final class VectorIndex {

    /** A key and its (approximate) cosine to the query. */
    public record Hit(long key, double cosine) {
    }

    private final int dimensions;
    private final Map<Long, Integer> slots = new HashMap<>();
    private long[] keys = new long[1024];
    private float[] scales = new float[1024];
    private byte[] values;
    private int size;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public VectorIndex(int dimensions) {
        this.dimensions = dimensions;
        this.values = new byte[1024 * dimensions];
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds the key's vector, or replaces it. */
    public void put(long key, float[] vector) {
        if (vector.length != dimensions) throw new IllegalArgumentException("expected " + dimensions + " dimensions");
        byte[] bytes = new byte[dimensions];
        float scale = quantize(vector, bytes);
        lock.writeLock().lock();
        try {
            Integer slot = slots.get(key);
            if (slot == null) {
                if (size == keys.length) grow();
                slot = size++;
                slots.put(key, slot);
                keys[slot] = key;
            }
            scales[slot] = scale;
            System.arraycopy(bytes, 0, values, slot * dimensions, dimensions);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The {@code k} keys nearest to the query, most similar first. */
    public List<Hit> nearest(float[] query, int k) {
        // The query in bytes too: an integer dot product, which the JIT compiles to vector instructions.
        byte[] q = new byte[dimensions];
        float queryScale = quantize(query, q);
        PriorityQueue<Hit> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a.cosine(), b.cosine()));
        lock.readLock().lock();
        try {
            for (int slot = 0; slot < size; slot++) {
                int base = slot * dimensions;
                int dot = 0;
                for (int i = 0; i < dimensions; i++) dot += q[i] * values[base + i];
                double cosine = (double) dot * scales[slot] * queryScale;
                if (best.size() < k) {
                    best.add(new Hit(keys[slot], cosine));
                } else if (cosine > best.peek().cosine()) {
                    best.poll();
                    best.add(new Hit(keys[slot], cosine));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        List<Hit> hits = new ArrayList<>(best);
        hits.sort((a, b) -> Double.compare(b.cosine(), a.cosine()));
        return hits;
    }

    /** Writes the vector as bytes (its largest component as ±127) and answers the scale back to floats. */
    private static float quantize(float[] vector, byte[] bytes) {
        float max = 0;
        for (float v : vector) max = Math.max(max, Math.abs(v));
        float scale = max == 0 ? 1 : max / 127f;
        for (int i = 0; i < vector.length; i++) bytes[i] = (byte) Math.round(vector[i] / scale);
        return scale;
    }

    private void grow() {
        int capacity = keys.length * 2;
        keys = Arrays.copyOf(keys, capacity);
        scales = Arrays.copyOf(scales, capacity);
        values = Arrays.copyOf(values, capacity * dimensions);
    }
}
