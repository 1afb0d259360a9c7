package racecourse.patterns.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import racecourse.patterns.icons.Icon;
import racecourse.patterns.icons.IconCache;
import racecourse.patterns.icons.IconLoader;

class LazyIconsTests {
    private static final List<Function<IconLoader, IconCache>> ALL = List.of(PublishThenFillIcons::new,
            FillThenPublishIcons::new, SynchronizedIcons::new, RacyDoubleCheckedIcons::new, DoubleCheckedIcons::new);
    private static final List<Function<IconLoader, IconCache>> SAFE = List.of(SynchronizedIcons::new,
            DoubleCheckedIcons::new);

    @Test
    void fromOneThreadEveryVariantLoadsOnceAndFindsEveryIcon() {
        for (Function<IconLoader, IconCache> make : ALL) {
            IconLoader loader = new IconLoader();
            IconCache cache = make.apply(loader);
            assertEquals(0, loader.loads(), "loaded before first use");
            for (String name : IconSet.NAMES) assertEquals(name, cache.icon(name).name());
            assertEquals(IconSet.NAMES.size(), loader.loads());
        }
        assertEquals("clubs.png", new HolderIcons().icon("clubs.png").name());
        assertTrue(HolderIcons.loaded());
    }

    /** Two threads call {@code icon(LAST)} on a fresh cache at the same moment; counts nulls and extra loads. */
    private record Trial(int nulls, int loads) {
    }

    private static Trial race(Function<IconLoader, IconCache> make) throws InterruptedException {
        IconLoader loader = new IconLoader(64); // bigger icons: loading takes longer, the window is wider
        IconCache cache = make.apply(loader);
        AtomicInteger ready = new AtomicInteger();
        AtomicInteger nulls = new AtomicInteger();
        Runnable caller = () -> {
            ready.incrementAndGet();
            while (ready.get() < 2) Thread.onSpinWait();
            Icon icon = cache.icon(IconSet.LAST);
            if (icon == null) nulls.incrementAndGet();
        };
        Thread a = Thread.ofPlatform().start(caller);
        Thread b = Thread.ofPlatform().start(caller);
        a.join();
        b.join();
        return new Trial(nulls.get(), loader.loads());
    }

    // Budget: up to 2000 two-thread trials (about 1 s); a null usually shows within the first 100.
    @Test
    void publishingBeforeFillingLetsAnotherThreadMissAnIcon() throws InterruptedException {
        int trials = 0;
        int nulls = 0;
        while (trials < 2000 && nulls == 0) {
            nulls += race(PublishThenFillIcons::new).nulls();
            trials++;
        }
        assertTrue(nulls > 0, "no thread saw the unfilled map in " + trials + " trials");
    }

    // Budget: 300 two-thread trials per safe variant; a single null or double load is a real bug.
    @Test
    void theSafeVariantsNeverMissAndLoadOnce() throws InterruptedException {
        for (Function<IconLoader, IconCache> make : SAFE) {
            for (int trial = 0; trial < 300; trial++) {
                Trial t = race(make);
                assertEquals(0, t.nulls());
                assertEquals(IconSet.NAMES.size(), t.loads(), "loaded more than once");
            }
        }
    }

    @Test
    void costMeasuresCallsOfALoadedCache() throws InterruptedException {
        LazyCost.Cost cost = LazyCost.measure("double-checked", new DoubleCheckedIcons(new IconLoader()), 2,
                Duration.ofMillis(50));
        assertTrue(cost.calls() > 1000, cost.toString());
        assertTrue(cost.nanosPerCall() > 0 && cost.nanosPerCall() < 1_000_000, cost.toString());
        assertNotNull(cost.toString());
    }
}
