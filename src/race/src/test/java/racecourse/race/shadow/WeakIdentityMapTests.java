package racecourse.race.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/**
 * The map keeps values only while their keys live: a dead key's value is dropped by the next use of the map, in
 * whatever shard that use falls, so a dead array's history does not wait for a new key in its own shard.
 */
class WeakIdentityMapTests {
    @Test
    void findsByIdentityNotEquality() {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        String a = new String("k");
        String b = new String("k");
        map.put(a, "a");
        assertSame("a", map.get(a));
        assertNull(map.get(b));
        assertEquals(1, map.size());
    }

    @Test
    void aDeadKeysValueIsFreedByTheNextUseOfAnyShard() throws InterruptedException {
        WeakIdentityMap<long[]> map = new WeakIdentityMap<>();
        Object survivor = new Object();
        map.put(survivor, new long[1]);
        WeakReference<long[]> history = fill(map);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (history.get() != null && System.nanoTime() < deadline) {
            System.gc();
            map.get(survivor); // any call drops dead entries, whatever their shard
            Thread.onSpinWait();
        }
        assertNull(history.get(), "the dead key's value is still reachable from the map");
        assertEquals(1, map.size());
    }

    /** Adds a key that dies on return, with a large value; returns a weak handle on that value. */
    private static WeakReference<long[]> fill(WeakIdentityMap<long[]> map) {
        Object key = new int[16];
        long[] value = new long[1 << 16];
        map.put(key, value);
        return new WeakReference<>(value);
    }

    @Test
    void anEntryKeptOutsideTheMapReadsTheValueLastPut() throws InterruptedException {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        Object key = new Object();
        WeakIdentityMap.Entry<String> kept = map.entry(key, k -> "first");
        assertSame("first", kept.value());
        Thread other = new Thread(() -> map.put(key, "second"));
        other.start();
        other.join();
        assertSame("second", kept.value(), "a put replaces the value in the entry a cache holds");
        assertSame(kept, map.find(key), "and keeps the entry");
    }

    @Test
    void anEntryKeptOutsideTheMapKeepsItsFirstValueOnlyWhileItsKeyLives() throws InterruptedException {
        WeakIdentityMap<long[]> map = new WeakIdentityMap<>();
        Object survivor = new Object();
        map.put(survivor, new long[1]);
        WeakIdentityMap.Entry<long[]>[] kept = keptEntry(map);
        WeakReference<long[]> history = new WeakReference<>(kept[0].firstValue());
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (history.get() != null && System.nanoTime() < deadline) {
            System.gc();
            map.get(survivor);
            Thread.onSpinWait();
        }
        assertNull(history.get(), "a cache that keeps the entry of a dead key keeps its value alive");
        assertNull(kept[0].firstValue());
    }

    /** Makes an entry for a key that dies on return, with a large value; returns the entry, kept as a cache would. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static WeakIdentityMap.Entry<long[]>[] keptEntry(WeakIdentityMap<long[]> map) {
        Object key = new int[16];
        WeakIdentityMap.Entry<long[]> e = map.entry(key, k -> new long[1 << 16]);
        assertSame(e.value(), e.firstValue());
        return new WeakIdentityMap.Entry[] {e};
    }
}
