package racecourse.grader.sandbox;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racecourse.explore.Explore;
import racecourse.explore.ExploreOptions;
import racecourse.explore.report.ExploreResult;
import racecourse.explore.report.Outcome;
import racecourse.explore.sched.Ending;
import racecourse.grader.api.Submission;

/**
 * The child-JVM side of an explored check: runs the exercise's concurrency checks under the schedule explorer, with
 * the strategy, seed and budget the exercise states, and reports each one on the signed channel.
 *
 * <p>A check is a static method of a hidden test class that returns an {@link Explore} program (a fresh state and
 * its threads, with an {@code after} that asserts what a correct class guarantees). The explorer reloads that class,
 * the contract and the learner's classes through {@link Source}, which serves the bytes the grader sent: the
 * learner's bytes are already rewritten by the sandbox, and the explorer's instrumentation goes on top of that
 * rewrite. The learner's code cannot name the explorer or the grader (the rewrite blocks every {@code racecourse}
 * class, reflection and stack frames), and {@code Thread.currentThread()} is the thread the check started.
 *
 * <p>Not thread-safe: the harness calls it once, on its main thread.
 */
public final class ExploreStep {
    /** The prefix of a selected entry that names an explored check rather than a JUnit test. */
    public static final String PREFIX = "explore:";
    /** How the explorer labels a schedule whose {@code after} threw: the check's assertion failed. */
    private static final String UNREADABLE = "result could not be read";

    private ExploreStep() {
    }

    /**
     * One explored check as the grader sends it in {@link Job#selected()}.
     *
     * @param id        the check's id in the reports
     * @param className the disguised binary name of the hidden class
     * @param method    its static method that returns the program
     * @param strategy  the explorer's strategy
     * @param schedules the schedule budget
     * @param seed      the seed of a randomised strategy
     * @param maxSteps  steps per schedule
     * @param races     whether a data race on an explored schedule fails the check
     */
    public record Spec(String id, String className, String method, String strategy, int schedules, long seed,
            int maxSteps, boolean races) {
        /** The entry for {@link Job#selected()}. */
        public String encode() {
            return PREFIX + String.join("#", id, className, method, strategy, Integer.toString(schedules),
                    Long.toString(seed), Integer.toString(maxSteps), Boolean.toString(races));
        }

        /** Reads an entry written by {@link #encode}. */
        public static Spec decode(String entry) {
            String[] p = entry.substring(PREFIX.length()).split("#");
            return new Spec(p[0], p[1], p[2], p[3], Integer.parseInt(p[4]), Long.parseLong(p[5]),
                    Integer.parseInt(p[6]), Boolean.parseBoolean(p[7]));
        }

        /** The explorer's options for this check. */
        public ExploreOptions options() {
            return ExploreOptions.defaults().withStrategy(strategy).withSchedules(schedules).withSeed(seed)
                    .withMaxSteps(maxSteps).withRaces(races);
        }
    }

    /** Whether the job asks for explored checks (alone, or after its JUnit tests). */
    public static boolean wants(Job job) {
        return job.selected().stream().anyMatch(e -> e.startsWith(PREFIX));
    }

    /** Runs every explored check of the job (its other entries are JUnit tests) and reports each one's start and end on {@code channel}. */
    public static void run(Job job, Channel channel, Capture capture) {
        Map<String, byte[]> all = new HashMap<>(job.submission());
        all.putAll(job.tests());
        Source source = new Source(all, ExploreStep.class.getClassLoader());
        Submission.clear();
        for (Map.Entry<String, String> e : job.register().entrySet()) {
            try {
                Submission.register(e.getKey(), Class.forName(e.getValue(), false, source));
            } catch (ClassNotFoundException | LinkageError ex) {
                // Not registered: the check fails with "no class named ..." and the feedback says so.
            }
        }
        for (String entry : job.selected()) {
            if (!entry.startsWith(PREFIX)) {
                continue; // a JUnit test, run before
            }
            Spec spec = Spec.decode(entry);
            capture.take();
            channel.send(Map.of("event", "start", "id", spec.id()));
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("event", "end");
            report.put("id", spec.id());
            try {
                ExploreResult result = program(source, spec).explore(spec.options());
                Outcome w = failure(result);
                if (w == null && spec.races() && !result.races().isEmpty()) {
                    // Every schedule ended well, but two accesses were unordered: the result then depends on the
                    // memory model, which these interleavings do not cover.
                    ExploreResult.Race race = result.races().get(0);
                    w = new Outcome(Ending.Kind.FAILURE, "a data race: " + race.description(), race.schedules(),
                            race.witness(), 0, "", List.of());
                }
                report.put("status", w == null && result.complete() ? "passed" : "failed");
                report.put("schedules", result.schedules());
                report.put("complete", result.complete());
                report.put("stop", result.stopReason());
                report.put("switches", racecourse.explore.sched.Run.continuations() ? "continuations" : "hand-offs");
                if (w != null) {
                    report.put("label", w.label());
                    report.put("kind", w.kind().name());
                    report.put("witness", w.witness());
                    report.put("detail", w.detail());
                    report.put("swimlane", swimlane(source, spec, w));
                    report.put("count", w.schedules());
                }
            } catch (Throwable t) {
                report.put("status", "failed");
                report.put("label", "the check could not run: " + t);
            }
            LockOrder.takeCycles(); // lock order is scored by the deterministic tests, not here
            report.put("output", capture.take());
            channel.send(report);
        }
    }

    /**
     * The first failing outcome: a thread that threw, a deadlock, a step limit, ..., or else a schedule whose
     * {@code after} assertion failed (the explorer reports that one as a result that could not be read).
     */
    private static Outcome failure(ExploreResult result) {
        Outcome w = result.witness();
        if (w != null) {
            return w;
        }
        return result.outcomes().stream().filter(o -> o.label().startsWith(UNREADABLE)).findFirst().orElse(null);
    }

    /** The witness replayed alone, for its step-by-step swimlane (an exploration keeps only its schedule). */
    private static String swimlane(Source source, Spec spec, Outcome w) throws ReflectiveOperationException {
        ExploreResult replayed = Explore.play(program(source, spec), w.witness());
        Outcome again = failure(replayed);
        if (again == null && !replayed.outcomes().isEmpty()) {
            again = replayed.outcomes().get(0); // a data race: the schedule itself ended well
        }
        return again == null || again.swimlane().isEmpty() ? w.swimlane() : again.swimlane();
    }

    private static Explore<?> program(Source source, Spec spec) throws ReflectiveOperationException {
        Class<?> c = Class.forName(spec.className(), true, source);
        Method m = c.getDeclaredMethod(spec.method());
        m.setAccessible(true);
        try {
            return (Explore<?>) m.invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the check's program could not be built: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Serves the grader's class files, both as classes and as resources, so the explorer's instrumenting loader can
     * read and rewrite them. Thread-safe (parallel capable, immutable map).
     */
    static final class Source extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;

        Source(Map<String, byte[]> classes, ClassLoader parent) {
            super("explored", parent);
            this.classes = Map.copyOf(classes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (name.endsWith(".class")) {
                byte[] bytes = classes.get(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                if (bytes != null) {
                    return new ByteArrayInputStream(bytes);
                }
            }
            return super.getResourceAsStream(name);
        }
    }
}
