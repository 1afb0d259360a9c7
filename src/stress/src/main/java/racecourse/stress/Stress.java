package racecourse.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import racecourse.display.Display;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.stress.engine.Engine;
import racecourse.stress.engine.OutcomeSpec;
import racecourse.stress.engine.ReflectiveModel;
import racecourse.stress.engine.TestModel;

/**
 * Runs jcstress test classes in this JVM: no fork, no annotation processor, so a class defined a moment ago in a
 * notebook cell runs as well as one from a jar. Thread-safe; runs do not share state.
 *
 * <pre>{@code
 * StressResult r = Stress.run(StoreBufferingPlain.class);   // shows progress, then the chart and table
 * }</pre>
 */
public final class Stress {
    private static final long PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private Stress() {
    }

    /** Whether the class carries {@code @JCStressTest}. */
    public static boolean isStressTest(Class<?> type) {
        return ReflectiveModel.isTest(type);
    }

    /** Runs a test class with {@link StressOptions#defaults()}. */
    public static StressResult run(Class<?> test) {
        return run(test, StressOptions.defaults());
    }

    /**
     * Runs a test class. Interrupting the calling thread stops the run after the current batch; the result then
     * holds what was counted and {@link StressResult#interrupted()} is true (the interrupt status is set again).
     *
     * @throws IllegalArgumentException when the class is not a jcstress test this harness can run
     * @throws IllegalStateException when the test's code throws
     */
    public static StressResult run(Class<?> test, StressOptions options) {
        return run(ReflectiveModel.of(test), options);
    }

    /** Runs several test classes one after another; stops early when the calling thread is interrupted. */
    public static List<StressResult> runAll(List<Class<?>> tests, StressOptions options) {
        List<StressResult> results = new ArrayList<>();
        for (Class<?> test : tests) {
            StressResult r = run(test, options);
            results.add(r);
            if (r.interrupted()) break;
        }
        return results;
    }

    /** Runs a prepared model; the lambda API and the CLI come through here. */
    static StressResult run(TestModel model, StressOptions options) {
        String[] displayId = new String[1];
        long total = options.warmup().toNanos() + options.time().toNanos();
        Engine.Settings settings = new Engine.Settings(options.warmup().toNanos(), options.time().toNanos(),
                options.maxSamples(), options.batchSize(), options.seed(), options.untilSeen(), options.cores(),
                PROGRESS_NANOS, !options.progress() ? null : snap -> {
                    Displayable view = progress(model.name(), snap, total);
                    if (displayId[0] == null) {
                        displayId[0] = Display.display(view);
                    } else {
                        Display.updateDisplay(displayId[0], view);
                    }
                });
        Engine.RunData data = Engine.run(model, settings);
        StressResult result = toResult(model, data, options.seed());
        if (displayId[0] != null) {
            Display.updateDisplay(displayId[0], Display.html("<p>" + done(result) + "</p>", done(result)));
        }
        return result;
    }

    private static String done(StressResult r) {
        return String.format(Locale.ROOT, "%s: %,d samples in %.2f s — %s%s", r.name(), r.samples(),
                r.wallTime().toNanos() / 1e9, r.verdict().words(), r.interrupted() ? " (interrupted)" : "");
    }

    private static Displayable progress(String name, Engine.Snapshot s, long totalNanos) {
        String text = String.format(Locale.ROOT, "%s: %s%,d samples, %,d interesting, %,d forbidden; %.1f s of %.1f s",
                name, s.warmup() ? "warming up; " : "", s.samples(), s.interesting(), s.forbidden(),
                s.elapsedNanos() / 1e9, totalNanos / 1e9);
        return () -> new MimeBundle().with(MimeBundle.HTML, "<p><code>" + racecourse.display.Tables.escape(text)
                + "</code></p>").with(MimeBundle.TEXT, text);
    }

    static StressResult toResult(TestModel model, Engine.RunData data, long seed) {
        Map<String, OutcomeCount> rows = new LinkedHashMap<>();
        Map<String, Duration> first = new HashMap<>();
        for (Engine.Row row : data.rows()) {
            OutcomeSpec spec = OutcomeSpec.classify(model.outcomes(), row.id());
            rows.put(row.id(), new OutcomeCount(row.id(), row.count(), spec.expect(), spec.description()));
            if (row.firstSeenNanos() >= 0) first.put(row.id(), Duration.ofNanos(row.firstSeenNanos()));
        }
        for (OutcomeSpec spec : model.outcomes()) {
            if (spec.isLiteral() && !rows.containsKey(spec.id())) {
                rows.put(spec.id(), new OutcomeCount(spec.id(), 0, spec.expect(), spec.description()));
            }
        }
        List<String> warnings = new ArrayList<>(data.warnings());
        if (data.samples() == 0 && !data.interrupted()) warnings.add("no samples were counted: give the run more time");
        int cpus = Runtime.getRuntime().availableProcessors();
        double overlap = data.overlappedSamples() < 0 || data.samples() == 0 ? Double.NaN
                : Math.min(1.0, (double) data.overlappedSamples() / data.samples());
        if (cpus < 2) {
            warnings.add("this JVM has one CPU: the actors never run at the same moment, so outcomes that need them"
                    + " to overlap cannot show");
        } else if (!Double.isNaN(overlap) && overlap < StressResult.BUSY_OVERLAP) {
            warnings.add(String.format(Locale.ROOT, "the actors ran at the same moment in only %s of the samples:"
                    + " too rarely for outcomes that need them to overlap", StressResult.percent(overlap)));
        }
        return new StressResult(model.name(), "embedded", model.description(), new ArrayList<>(rows.values()),
                data.samples(), Duration.ofNanos(data.measuredNanos()), data.interrupted(), warnings, seed, first,
                overlap, cpus);
    }

    /** Two results next to each other, e.g. the embedded run and the jcstress deep run of the same test. */
    public static Displayable sideBySide(StressResult left, StressResult right) {
        return () -> new MimeBundle()
                .with(MimeBundle.HTML, "<div style=\"display:flex;gap:1em;flex-wrap:wrap\"><div>" + left.html()
                        + "</div><div>" + right.html() + "</div></div>")
                .with(MimeBundle.TEXT, left.report() + "\n" + right.report());
    }
}
