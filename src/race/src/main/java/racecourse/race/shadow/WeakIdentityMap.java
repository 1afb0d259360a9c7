package racecourse.race.shadow;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.Function;

/**
 * A map from object identity to a value that does not keep its keys alive, split in shards to spread
 * contention.
 *
 * <p>Entries whose keys died are dropped, with their values, by the next call of any method of the map (any shard),
 * so that a dead object's history is freed promptly even when no new key arrives in its shard.
 *
 * <p>Thread-safe: each shard is guarded by its own monitor; the queue of dead keys is the JDK's (thread-safe).
 *
 * @param <V> value type
 */
public final class WeakIdentityMap<V> {
    private static final int SHARDS = 64;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private final Shard<V>[] shards = new Shard[SHARDS];
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();

    /** Creates an empty map. */
    public WeakIdentityMap() {
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Shard<>(queue);
        }
    }

    /** Drops every entry whose key died, whatever its shard (no shard lock is held when this runs). */
    @SuppressWarnings("unchecked")
    private void expunge() {
        for (Object x; (x = queue.poll()) != null; ) {
            Entry<V> dead = (Entry<V>) x;
            shard(dead.hash).unlink(dead);
        }
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private Shard<V> shard(int h) {
        return shards[h & (SHARDS - 1)];
    }

    /** Returns the value for {@code key}, or null. */
    public V get(Object key) {
        expunge();
        int h = spread(System.identityHashCode(key));
        return shard(h).get(key, h);
    }

    /**
     * Returns the entry of {@code key}, creating its value with {@code make} if absent. An entry holds
     * its key weakly, so a cache of entries does not keep keys alive.
     */
    public Entry<V> entry(Object key, Function<Object, ? extends V> make) {
        expunge();
        int h = spread(System.identityHashCode(key));
        return shard(h).entry(key, h, make);
    }

    /** Returns the entry of {@code key}, or null. */
    public Entry<V> find(Object key) {
        expunge();
        int h = spread(System.identityHashCode(key));
        return shard(h).find(key, h);
    }

    /** Returns the value for {@code key}, creating it with {@code make} if absent. */
    public V computeIfAbsent(Object key, Function<Object, ? extends V> make) {
        expunge();
        int h = spread(System.identityHashCode(key));
        return shard(h).computeIfAbsent(key, h, make);
    }

    /** Associates {@code value} with {@code key}. */
    public void put(Object key, V value) {
        expunge();
        int h = spread(System.identityHashCode(key));
        shard(h).put(key, h, value);
    }

    /** Removes and returns the value for {@code key}, or null. */
    public V remove(Object key) {
        expunge();
        int h = spread(System.identityHashCode(key));
        return shard(h).remove(key, h);
    }

    /** Returns the number of live entries (approximate under concurrent change). */
    public int size() {
        expunge();
        int n = 0;
        for (Shard<V> s : shards) {
            n += s.size();
        }
        return n;
    }

    /** A key (held weakly) and its value. */
    public static final class Entry<V> extends WeakReference<Object> {
        final int hash;
        /** Volatile so that an entry kept in a cache outside the map reads the value last put. */
        volatile V value; // guarded by the shard's monitor (writes)
        /**
         * The value the entry was made with, cleared with {@link #value} when the key dies; a plain field, for maps
         * whose values are never replaced. Written before the entry is published under the shard's monitor.
         */
        private V first;
        Entry<V> next; // guarded by the shard's monitor

        Entry(Object key, int hash, V value, Entry<V> next, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = hash;
            this.value = value;
            this.first = value;
            this.next = next;
        }

        /** Returns the value. */
        public V value() {
            return value;
        }

        /**
         * Returns the value the entry was made with, without a volatile load: the value, in a map that never
         * replaces one ({@link #put} is never called on it), as long as the key is alive. A cache outside the map
         * that keeps the entry keeps that value only as long as the key, since it is cleared when the key dies.
         */
        public V firstValue() {
            return first;
        }
    }

    private static final class Shard<V> {
        private final ReferenceQueue<Object> queue;
        @SuppressWarnings({"unchecked", "rawtypes"})
        private Entry<V>[] table = new Entry[16]; // guarded by this
        private int size; // guarded by this

        Shard(ReferenceQueue<Object> queue) {
            this.queue = queue;
        }

        synchronized int size() {
            return size;
        }

        synchronized Entry<V> find(Object key, int h) {
            Entry<V>[] t = table;
            for (Entry<V> e = t[(h >>> 6) & (t.length - 1)]; e != null; e = e.next) {
                if (e.refersTo(key)) {
                    return e;
                }
            }
            return null;
        }

        synchronized V get(Object key, int h) {
            Entry<V>[] t = table;
            for (Entry<V> e = t[(h >>> 6) & (t.length - 1)]; e != null; e = e.next) {
                if (e.refersTo(key)) {
                    return e.value;
                }
            }
            return null;
        }

        synchronized V computeIfAbsent(Object key, int h, Function<Object, ? extends V> make) {
            Entry<V>[] t = table;
            for (Entry<V> e = t[(h >>> 6) & (t.length - 1)]; e != null; e = e.next) {
                if (e.refersTo(key)) {
                    return e.value;
                }
            }
            V v = make.apply(key);
            insert(key, h, v);
            return v;
        }

        synchronized Entry<V> entry(Object key, int h, Function<Object, ? extends V> make) {
            Entry<V>[] t = table;
            for (Entry<V> e = t[(h >>> 6) & (t.length - 1)]; e != null; e = e.next) {
                if (e.refersTo(key)) {
                    return e;
                }
            }
            insert(key, h, make.apply(key));
            return table[(h >>> 6) & (table.length - 1)];
        }

        synchronized void put(Object key, int h, V value) {
            Entry<V>[] t = table;
            for (Entry<V> e = t[(h >>> 6) & (t.length - 1)]; e != null; e = e.next) {
                if (e.refersTo(key)) {
                    e.value = value;
                    return;
                }
            }
            insert(key, h, value);
        }

        synchronized V remove(Object key, int h) {
            Entry<V>[] t = table;
            int i = (h >>> 6) & (t.length - 1);
            Entry<V> prev = null;
            for (Entry<V> e = t[i]; e != null; prev = e, e = e.next) {
                if (e.refersTo(key)) {
                    if (prev == null) {
                        t[i] = e.next;
                    } else {
                        prev.next = e.next;
                    }
                    size--;
                    return e.value;
                }
            }
            return null;
        }

        private void insert(Object key, int h, V value) {
            if (size >= table.length * 3 / 4) {
                resize();
            }
            int i = (h >>> 6) & (table.length - 1);
            table[i] = new Entry<>(key, h, value, table[i], queue);
            size++;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void resize() {
            Entry<V>[] old = table;
            Entry<V>[] t = new Entry[old.length * 2];
            for (Entry<V> head : old) {
                for (Entry<V> e = head; e != null; ) {
                    Entry<V> next = e.next;
                    int i = (e.hash >>> 6) & (t.length - 1);
                    e.next = t[i];
                    t[i] = e;
                    e = next;
                }
            }
            table = t;
        }

        /** Removes an entry whose key died and drops its value. */
        synchronized void unlink(Entry<V> dead) {
            int i = (dead.hash >>> 6) & (table.length - 1);
            Entry<V> prev = null;
            for (Entry<V> e = table[i]; e != null; prev = e, e = e.next) {
                if (e == dead) {
                    if (prev == null) {
                        table[i] = e.next;
                    } else {
                        prev.next = e.next;
                    }
                    size--;
                    break;
                }
            }
            dead.value = null;
            dead.first = null;
        }
    }
}
