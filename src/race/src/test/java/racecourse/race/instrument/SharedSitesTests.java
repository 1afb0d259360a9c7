package racecourse.race.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import racecourse.race.edges.Site;
import racecourse.race.edges.SiteFacts;
import racecourse.race.edges.Sites;

/**
 * Both instrumentations share one core: each access they both rewrite gets the same site (class, method, line,
 * kind, owner and name) in the one registry, and each library call both rewrite is named alike.
 */
class SharedSitesTests {
    /** The explorer's notes of one run, by site. */
    private final Map<Integer, String> notes = new HashMap<>();

    private List<String> sites(byte[] out, int first, int end, boolean accesses) {
        assertTrue(out != null && end > first, "nothing was rewritten");
        List<String> l = new ArrayList<>();
        for (int id = first; id < end; id++) {
            Site s = Sites.get(id);
            int kind = kindOf(id);
            if ((kind != Site.CALL) == accesses) {
                l.add(s.className() + "." + s.method() + ":" + s.line() + " " + kindName(kind) + " "
                        + (s.name() == null ? "element" : s.name())
                        + (accesses ? (writes(id) ? " write" : " read") : " "));
            }
        }
        return l;
    }

    private static int kindOf(int id) {
        return SiteFacts.kind(Sites.get(id));
    }

    private static boolean writes(int id) {
        return SiteFacts.write(Sites.get(id));
    }

    private static String kindName(int kind) {
        return switch (kind) {
            case Site.FIELD -> "field";
            case Site.STATIC -> "static";
            case Site.ARRAY -> "array";
            default -> "call";
        };
    }

    private byte[] explorer(byte[] in) {
        return new ExplorerInstrumenter(getClass().getClassLoader(),
                (site, what, owner, name, write, ordered) -> notes.put(site, what)).instrument(in);
    }

    private byte[] detector(byte[] in) {
        return new ClassInstrumenter(getClass().getClassLoader(), false).instrument(in);
    }

    @Test
    void everyAccessKindGetsTheSameSiteInBothModes() throws IOException {
        for (String c : List.of("racecourse.race.instrument.fixture.Accesses",
                "racecourse.race.instrument.fixture.Accesses$Inner")) {
            byte[] in = DetectorModeTests.bytes(c);
            int a = Sites.count();
            byte[] d = detector(in);
            int b = Sites.count();
            byte[] e = explorer(in);
            int end = Sites.count();
            // a static initializer's accesses are checked by neither mode: the detector rewrites them but records
            // nothing between clinitEnter and clinitExit; the explorer runs the initializer whole, in one step
            List<String> detected = sites(d, a, b, true).stream().filter(s -> !s.contains(".<clinit>:")).toList();
            List<String> explored = sites(e, b, end, true);
            assertFalse(detected.isEmpty(), c);
            assertEquals(detected, explored, c);
        }
    }

    @Test
    void theAccessKindsAreAllCovered() throws IOException {
        byte[] in = DetectorModeTests.bytes("racecourse.race.instrument.fixture.Accesses");
        int a = Sites.count();
        byte[] out = explorer(in);
        Set<String> kinds = new TreeSet<>();
        for (String s : sites(out, a, Sites.count(), true)) {
            String[] p = s.split(" ");
            kinds.add(p[1] + " " + p[3]);
        }
        assertEquals(Set.of("array read", "array write", "field read", "field write", "static read", "static write"),
                kinds);
    }

    @Test
    void eachCallBothModesRewriteIsTheSameSite() throws IOException {
        byte[] in = DetectorModeTests.bytes("racecourse.race.instrument.fixture.AllKinds");
        int a = Sites.count();
        byte[] d = detector(in);
        int b = Sites.count();
        byte[] e = explorer(in);
        int end = Sites.count();
        Set<String> detected = new TreeSet<>(sites(d, a, b, false));
        Set<String> explored = new TreeSet<>(sites(e, b, end, false));
        Set<String> both = new TreeSet<>(detected);
        both.retainAll(explored);
        for (String call : List.of("lock", "unlock", "acquire", "release", "countDown", "await", "incrementAndGet",
                "put", "merge", "start", "join")) {
            assertTrue(both.stream().anyMatch(s -> s.contains(" call " + call + " ")),
                    call + " is rewritten by both modes at one site: " + both + "\ndetector " + detected
                            + "\nexplorer " + explored);
        }
    }
}
