package racecourse.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A short look for one outcome, as lesson 06 takes it: one run, then up to a few one-second retries that stop as
 * soon as the outcome shows. The bench repeats the same look in fresh JVMs to count how many executions of the
 * lesson see it. Thread-safe (stateless).
 */
public final class QuickLook {
    /** Lesson 06's quick-mode options: one second, 100 ms warm-up, seed 6, progress shown. */
    public static final StressOptions LESSON_06 = StressOptions.defaults().time(Duration.ofSeconds(1)).seed(6);

    /** Retries lesson 06 allows after a first run that missed the outcome. */
    public static final int LESSON_06_RETRIES = 3;

    private QuickLook() {
    }

    /**
     * What a look found: every run in order (the first, then the retries).
     *
     * @param outcome the outcome id looked for, e.g. {@code "0, 0"}
     */
    public record Attempts(String outcome, List<StressResult> runs) {
        public Attempts {
            if (runs.isEmpty()) throw new IllegalArgumentException("a look has at least one run");
            runs = List.copyOf(runs);
        }

        /** The first run (the one a lesson shows as its histogram). */
        public StressResult first() {
            return runs.getFirst();
        }

        /** The last run: the one that saw the outcome, or the last retry. */
        public StressResult last() {
            return runs.getLast();
        }

        /** Whether any run counted the outcome. */
        public boolean seen() {
            return runs.stream().anyMatch(r -> r.seen(outcome));
        }

        /** Retries made after the first run. */
        public int retries() {
            return runs.size() - 1;
        }

        /** Samples counted over every run. */
        public long samples() {
            return runs.stream().mapToLong(StressResult::samples).sum();
        }

        /** Times the outcome was counted over every run. */
        public long count() {
            return runs.stream().mapToLong(r -> r.count(outcome)).sum();
        }

        /** The lowest share of overlapped samples among the runs, or NaN when none was measured. */
        public double leastOverlap() {
            return runs.stream().map(StressResult::overlap).filter(o -> o.isPresent())
                    .mapToDouble(o -> o.getAsDouble()).min().orElse(Double.NaN);
        }

        /** What the look found, in words made from its numbers (Markdown). */
        public String sentence() {
            StressResult f = first();
            if (f.seen(outcome)) {
                return String.format(Locale.ROOT, "`%s` came up %,d times in %,d samples (%s), %s per second; the "
                                + "first after %d ms. %s", outcome, f.count(outcome), f.samples(),
                        StressResult.percent(f.fraction(outcome)), StressResult.rate(f.perSecond(outcome)),
                        f.firstSeen(outcome).map(Duration::toMillis).orElse(-1L), f.overlapSentence(outcome));
            }
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "`%s` was not seen in the first run's "
                    + "%,d samples. %s", outcome, f.samples(), f.overlapSentence(outcome)));
            if (retries() > 0) {
                StressResult l = last();
                if (seen()) {
                    out.append(String.format(Locale.ROOT, " Retry %d of %d saw it after %d ms (%,d samples).",
                            retries(), LESSON_06_RETRIES, l.firstSeen(outcome).map(Duration::toMillis).orElse(-1L),
                            l.samples()));
                } else {
                    out.append(String.format(Locale.ROOT, " %d more runs (%,d samples in all) did not see it "
                            + "either. %s", retries(), samples(), l.overlapSentence(outcome)));
                }
            }
            return out.toString();
        }
    }

    /** Lesson 06's look: {@link #LESSON_06} options and {@link #LESSON_06_RETRIES} retries. */
    public static Attempts lesson06(Class<?> test, String outcome) {
        return look(test, LESSON_06, outcome, LESSON_06_RETRIES);
    }

    /**
     * Runs the test with {@code options}; while the outcome has not shown, up to {@code retries} more runs of one
     * second each, each stopping at the first sighting. Stops early when the calling thread is interrupted.
     */
    public static Attempts look(Class<?> test, StressOptions options, String outcome, int retries) {
        if (retries < 0) throw new IllegalArgumentException("retries must not be negative");
        List<StressResult> runs = new ArrayList<>();
        StressResult r = Stress.run(test, options);
        runs.add(r);
        for (int i = 1; i <= retries && !r.seen(outcome) && !r.interrupted(); i++) {
            r = Stress.run(test, options.time(Duration.ofSeconds(1)).untilSeen(outcome).seed(options.seed() * 10 + i));
            runs.add(r);
        }
        return new Attempts(outcome, runs);
    }
}
