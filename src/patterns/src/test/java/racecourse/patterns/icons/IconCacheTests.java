package racecourse.patterns.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import racecourse.experiment.StartGate;
import racecourse.experiment.Workers;

class IconCacheTests {
    private static final List<String> NAMES = List.of("spades.png", "hearts.png", "diamonds.png", "clubs.png");

    @Test
    void loadingIsDeterministic() {
        IconLoader loader = new IconLoader();
        assertEquals(loader.load("spades.png"), loader.load("spades.png"));
        assertEquals(2, loader.loads());
    }

    @Test
    void lazyCacheLoadsEachIconOnceFromOneThread() {
        IconLoader loader = new IconLoader();
        LazyIconCache cache = new LazyIconCache(loader);
        for (int round = 0; round < 3; round++) for (String name : NAMES) cache.icon(name);
        assertEquals(NAMES.size(), loader.loads());
        assertEquals(NAMES.size(), cache.size());
        assertSame(cache.icon("clubs.png"), cache.icon("clubs.png"));
    }

    @Test
    void eagerCacheLoadsEverythingUpFrontAndNeverAgain() {
        IconLoader loader = new IconLoader();
        EagerIconCache cache = new EagerIconCache(loader, NAMES);
        assertEquals(NAMES.size(), loader.loads());
        for (String name : NAMES) assertEquals(name, cache.icon(name).name());
        assertEquals(NAMES.size(), loader.loads());
        assertThrows(UnsupportedOperationException.class, () -> cache.names().add("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cache.icon("joker.png"));
        assertTrue(e.getMessage().contains("joker.png"), e.getMessage());
    }

    @Test
    void eagerCacheServesManyThreadsWithoutLoadingAgain() {
        IconLoader loader = new IconLoader();
        EagerIconCache cache = new EagerIconCache(loader, NAMES);
        Icon expected = new IconLoader().load("hearts.png");
        StartGate gate = new StartGate(4);
        List<Thread> readers = new ArrayList<>();
        List<Icon> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int r = 0; r < 4; r++) {
            readers.add(Thread.ofPlatform().start(() -> {
                gate.arriveAndAwait();
                for (int i = 0; i < 10_000; i++) seen.add(cache.icon("hearts.png"));
            }));
        }
        gate.openWhenAllArrived();
        Workers.joinAll(readers);
        assertEquals(40_000, seen.size());
        assertTrue(seen.stream().allMatch(expected::equals));
        assertEquals(NAMES.size(), loader.loads());
    }

    @Test
    void themeCopiesWhatItIsGiven() {
        Map<String, Icon> icons = new HashMap<>();
        icons.put("a", new Icon("a", 8, 1));
        List<String> order = new ArrayList<>(List.of("a"));
        IconTheme theme = new IconTheme("plain", icons, order);
        icons.put("b", new Icon("b", 8, 2));
        order.add("b");
        assertEquals(1, theme.icons().size());
        assertEquals(List.of("a"), theme.order());
        assertThrows(UnsupportedOperationException.class, () -> theme.icons().clear());
        assertThrows(IllegalArgumentException.class, () -> new IconTheme("bad", Map.of(), List.of("missing")));
    }

    @Test
    void iconsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Icon("x", 0, 0));
        assertThrows(NullPointerException.class, () -> new Icon(null, 1, 0));
    }

    @Test
    void aPlainHashMapWrittenByTwoThreadsBreaks() {
        // Budget: up to 5 runs of 40 trials (two threads x 10,000 keys), each in its own JVM so that a writer
        // stuck in a corrupted map cannot keep spinning here; stops at the first run with a broken trial. About one trial
        // in five loses keys on 2 cores.
        SharedMapWrites.Run run = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            run = SharedMapWrites.measureIsolated(SharedMapWrites.MapKind.HASH_MAP, 10_000, 40);
            if (run.broken()) break;
        }
        assertTrue(run.broken(), "a shared HashMap survived 200 trials: " + run.summary());
    }

    @Test
    void anIsolatedRunReportsTheSameNumbers() {
        SharedMapWrites.Run run = SharedMapWrites.measureIsolated(SharedMapWrites.MapKind.CONCURRENT_HASH_MAP, 1_000, 5);
        assertEquals("ConcurrentHashMap", run.map());
        assertEquals(5, run.trials());
        assertEquals(0, run.totalLost(), run.summary());
        SharedMapWrites.Run parsed = SharedMapWrites.parse(SharedMapWrites.format(
                new SharedMapWrites.Run("HashMap", 10, new long[] {0, 4}, 1, 0, true)));
        assertEquals(4, parsed.totalLost());
        assertEquals(1, parsed.sizeMismatches());
        assertTrue(parsed.stuck());
    }

    @Test
    void aConcurrentHashMapNeverBreaks() {
        SharedMapWrites.Run run = SharedMapWrites.measure(ConcurrentHashMap::new, 10_000, 50);
        assertEquals(0, run.totalLost(), run.summary());
        assertEquals(0, run.sizeMismatches());
        assertEquals(0, run.exceptions());
        assertEquals(50, run.trials());
    }
}
