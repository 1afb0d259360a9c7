package racecourse.race.edges;

import java.util.Set;
import java.util.TreeSet;
import racecourse.race.DataRace;

/**
 * Element writes made by a thread that nothing orders with the caller, for tests of what a thread's accesses left
 * in the histories. Not thread-safe.
 */
final class UnorderedWrites {
    private static int nextLine = 1000;

    private UnorderedWrites() {
    }

    /**
     * Writes element {@code elements[k]} of {@code arrays[k]} for each k, each at a site of its own, from a thread
     * made while no session runs (so it inherits no clock from the caller), then returns the variables of all the
     * races session {@code s} has found.
     */
    static Set<String> write(Session s, Object[] arrays, int[] elements) throws InterruptedException {
        int[] sites = new int[elements.length];
        for (int k = 0; k < elements.length; k++) {
            sites[k] = Sites.register(Site.ARRAY, true, "UnorderedWrites", "write", "UnorderedWrites.java",
                    nextLine++, null, null, 0, null, null, null);
        }
        Tracker.end();
        Thread other = new Thread(() -> {
            for (int k = 0; k < elements.length; k++) {
                Hooks.arrayStore(arrays[k], elements[k], sites[k]);
            }
        });
        Tracker.begin(s);
        other.start();
        other.join();
        Set<String> raced = new TreeSet<>();
        for (DataRace r : s.log().races()) {
            raced.add(r.variable());
        }
        return raced;
    }
}
