package racecourse.patterns.icons;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import racecourse.experiment.TimedRun;

/**
 * Many threads asking one {@link IconCache} for icons at once: {@link #measure} counts requests served per
 * millisecond and checks every answer (right name, same object as the first answer for that name). A benchmark,
 * not a test: the throughput depends on the machine and what else it is doing. Thread-safe (each call uses its
 * own threads).
 */
public final class IconTraffic {
    private IconTraffic() {
    }

    /**
     * One measurement.
     *
     * @param cache the cache's class name
     * @param threads threads asking at once
     * @param requestsPerMs requests served per millisecond, all threads together
     * @param wrongAnswers answers with the wrong name or a different object than before for the same name
     */
    public record Result(String cache, int threads, double requestsPerMs, long wrongAnswers) {
    }

    /** {@code threads} threads ask {@code cache} for the icons in {@code names}, round and round, for {@code time}. */
    public static Result measure(IconCache cache, List<String> names, int threads, Duration time) {
        if (names.isEmpty()) throw new IllegalArgumentException("give at least one icon name");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        Icon[] first = new Icon[names.size()];
        for (int i = 0; i < first.length; i++) first[i] = cache.icon(names.get(i)); // also warms a lazy cache
        TimedRun run = new TimedRun(threads);
        AtomicLong served = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        List<Thread> askers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t;
            askers.add(Thread.ofPlatform().name("asker-" + t).start(() -> {
                long done = 0;
                long bad = 0;
                run.ready();
                for (int i = offset; !run.over(); i++) {
                    int k = i % first.length;
                    if (cache.icon(names.get(k)) != first[k]) bad++;
                    done++;
                }
                served.addAndGet(done);
                wrong.addAndGet(bad);
            }));
        }
        double ms = run.runFor(askers, time);
        return new Result(cache.getClass().getSimpleName(), threads, served.get() / ms, wrong.get());
    }
}
