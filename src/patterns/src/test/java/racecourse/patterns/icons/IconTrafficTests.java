package racecourse.patterns.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IconTrafficTests {
    private static final List<String> NAMES = List.of("a.png", "b.png", "c.png");

    @Test
    void theSafeCachesAlwaysGiveTheSameIcon() {
        IconLoader eagerLoader = new IconLoader();
        IconTraffic.Result eager = IconTraffic.measure(new EagerIconCache(eagerLoader, NAMES), NAMES, 2, Duration.ofMillis(200));
        assertEquals(0, eager.wrongAnswers(), eager.toString());
        assertEquals(NAMES.size(), eagerLoader.loads(), "the eager cache loads each icon once, up front");
        assertTrue(eager.requestsPerMs() > 0);

        IconLoader lockedLoader = new IconLoader();
        IconTraffic.Result locked = IconTraffic.measure(new LockedLazyIconCache(lockedLoader), NAMES, 2, Duration.ofMillis(200));
        assertEquals(0, locked.wrongAnswers(), locked.toString());
        assertEquals(NAMES.size(), lockedLoader.loads(), "the locked cache loads each icon once, on demand");
    }

    @Test
    void badArgumentsAreRefused() {
        EagerIconCache cache = new EagerIconCache(new IconLoader(), NAMES);
        assertThrows(IllegalArgumentException.class, () -> IconTraffic.measure(cache, List.of(), 1, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> IconTraffic.measure(cache, NAMES, 0, Duration.ofMillis(1)));
    }
}
