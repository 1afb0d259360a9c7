package racecourse.grader.step;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.pipeline.TestResult;
import racecourse.grader.pipeline.TestSuite;
import racecourse.grader.sandbox.ChildJvm;
import racecourse.grader.sandbox.ExploreStep;
import racecourse.grader.sandbox.Job;

/**
 * The explored checks of an exercise: its concurrency checks run under the schedule explorer, in a sandboxed child
 * JVM, with the strategy, seed and budget that {@code exercise.properties} states. Same submission, same schedules,
 * same score and feedback. A failure shows its witness schedule as a swimlane and the one notebook line that
 * replays it.
 *
 * <p>Keys, for a check named {@code ID}: {@code explore.ID.check} ({@code HiddenClass#method}, a static method that
 * returns an {@code Explore} program), {@code explore.ID.title}, {@code explore.ID.points} (1),
 * {@code explore.ID.strategy} (dpor), {@code explore.ID.schedules} (2000), {@code explore.ID.seed} (0),
 * {@code explore.ID.maxsteps} (2000), {@code explore.ID.replay} (the notebook line, {@code %s} for the schedule),
 * {@code explore.ID.races} (true: a data race seen on an explored schedule fails the check),
 * and {@code explore.timeout.seconds} (30) for the whole run. Thread-safe (stateless).
 */
public final class ExploreCheck {
    /** The default schedule budget of a check. */
    public static final int DEFAULT_SCHEDULES = 2_000;
    private static final Pattern ID = Pattern.compile("explore\\.([A-Za-z0-9_-]+)\\.check");
    /** Names of disguised test classes (and their lambdas and lines), which never reach the feedback. */
    private static final Pattern DISGUISED = Pattern.compile(
            Pattern.quote(TestSuite.PACKAGE) + "\\.C[0-9a-f]+[\\w$]*(\\.[\\w$<>]+)?(\\([^)]*\\))?");

    /** How the explorer names a failed assertion in the check's {@code after}; the message alone is shown. */
    private static final Pattern ASSERTION = Pattern.compile(
            "^result could not be read: (org\\.opentest4j\\.AssertionFailedError|java\\.lang\\.AssertionError): ");

    /** A stack frame in a class of the unnamed package, where the learner's classes live. */
    private static final Pattern LEARNER_FRAME = Pattern.compile("at [\\w$]+\\.[\\w$<>]+\\([\\w$]+\\.java:\\d+\\)");

    private ExploreCheck() {
    }

    /**
     * One declared check.
     *
     * @param id       its id in exercise.properties
     * @param hidden   the hidden class (as written in tests/hidden)
     * @param method   the static method that returns the program
     * @param title    what it checks, in the learner's words
     * @param points   its points
     * @param strategy the explorer's strategy
     * @param schedules the schedule budget
     * @param seed     the seed
     * @param maxSteps steps per schedule
     * @param replay   the notebook line that replays a schedule ({@code %s}), or ""
     * @param races    whether a data race seen on an explored schedule fails the check
     */
    public record Check(String id, String hidden, String method, String title, double points, String strategy,
            int schedules, long seed, int maxSteps, String replay, boolean races) {
    }

    /**
     * What the explored checks gave.
     *
     * @param results one result per check, in the order declared (sorted by id)
     * @param seeds   check id to its strategy, seed and budget, for {@code results.json}
     */
    public record Outcome(List<TestResult> results, Map<String, Object> seeds) {
    }

    /** The checks {@code exercise} declares, sorted by id; a malformed one fails with a clear message. */
    public static List<Check> checks(Exercise exercise) {
        Properties p = exercise.settings();
        List<Check> out = new ArrayList<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            var m = ID.matcher(key);
            if (!m.matches()) {
                continue;
            }
            String id = m.group(1);
            String target = p.getProperty(key).trim();
            int hash = target.indexOf('#');
            if (hash <= 0 || hash == target.length() - 1) {
                throw new IllegalArgumentException(exercise.name() + ": " + key + " must be Class#method, not '"
                        + target + "'");
            }
            String prefix = "explore." + id + ".";
            out.add(new Check(id, target.substring(0, hash), target.substring(hash + 1),
                    p.getProperty(prefix + "title", id).trim(),
                    Double.parseDouble(p.getProperty(prefix + "points", "1").trim()),
                    p.getProperty(prefix + "strategy", "dpor").trim(),
                    Integer.parseInt(p.getProperty(prefix + "schedules", "" + DEFAULT_SCHEDULES).trim()),
                    Long.parseLong(p.getProperty(prefix + "seed", "0").trim()),
                    Integer.parseInt(p.getProperty(prefix + "maxsteps", "2000").trim()),
                    p.getProperty(prefix + "replay", "").trim(),
                    Boolean.parseBoolean(p.getProperty(prefix + "races", "true").trim())));
        }
        return out;
    }

    /** Points of every explored check. */
    public static double points(Exercise exercise) {
        return checks(exercise).stream().mapToDouble(Check::points).sum();
    }

    /**
     * The explored checks of one grading, ready to be sent: the {@link Job#selected()} entries that name them, their
     * seeds for {@code results.json}, and the time the whole explored run may take.
     *
     * @param checks   the declared checks, sorted by id
     * @param selected one {@link ExploreStep.Spec} entry per check
     * @param seeds    check id to its strategy, seed and budget
     * @param timeout  the limit of the whole explored run ({@code explore.timeout.seconds})
     */
    public record Plan(List<Check> checks, List<String> selected, Map<String, Object> seeds, Duration timeout) {
    }

    /** The plan of {@code exercise}'s explored checks against its compiled (disguised) tests. */
    public static Plan plan(Exercise exercise, TestSuite suite) {
        List<Check> checks = checks(exercise);
        Map<String, Object> seeds = new LinkedHashMap<>();
        List<String> selected = new ArrayList<>();
        for (Check c : checks) {
            String disguised = suite.disguised(c.hidden());
            if (disguised == null) {
                throw new IllegalArgumentException(exercise.name() + ": explore." + c.id() + ".check names "
                        + c.hidden() + ", which is not a class in tests/");
            }
            selected.add(new ExploreStep.Spec(c.id(), disguised, c.method(), c.strategy(), c.schedules(), c.seed(),
                    c.maxSteps(), c.races()).encode());
            Map<String, Object> seed = new LinkedHashMap<>();
            seed.put("strategy", c.strategy());
            seed.put("seed", c.seed());
            seed.put("schedules", c.schedules());
            seeds.put("explore." + c.id(), seed);
        }
        Duration timeout = Duration.ofSeconds(Long.parseLong(exercise.settings()
                .getProperty("explore.timeout.seconds", "30").trim()));
        return new Plan(checks, selected, seeds, timeout);
    }

    /**
     * Runs the exercise's explored checks on the rewritten submission in a child JVM of their own and scores them.
     * The grader sends them with the tests instead ({@link #score}); this is the same checks alone.
     */
    public static Outcome run(Exercise exercise, TestSuite suite, Map<String, byte[]> rewritten)
            throws IOException, InterruptedException {
        Plan plan = plan(exercise, suite);
        if (plan.checks().isEmpty()) {
            return new Outcome(List.of(), plan.seeds());
        }
        Job job = new Job(ChildJvm.newNonce(), 0, 4096, exercise.maxThreads(), rewritten, suite.classes(),
                Map.of(exercise.className(), exercise.className()), plan.selected());
        ChildJvm.Result run = new ChildJvm(exercise.heapMb(), plan.timeout(), List.of()).run(job);
        String why = run.timedOut() ? "the explored checks took longer than " + plan.timeout().toSeconds() + " s"
                : "the checking JVM stopped (exit status " + run.exitCode() + ")";
        return score(plan, run.reports(), why);
    }

    /**
     * Scores the checks of {@code plan} from the signed reports of the run that held them (other reports, such as
     * the tests', are ignored). A check without a report scores 0 with {@code why}: the reason the run stopped.
     */
    public static Outcome score(Plan plan, List<Map<String, Object>> reports, String why) {
        Map<String, Map<String, Object>> ends = new HashMap<>();
        String lastStarted = null;
        for (Map<String, Object> r : reports) {
            String event = String.valueOf(r.get("event"));
            if (event.equals("start")) {
                lastStarted = String.valueOf(r.get("id"));
            } else if (event.equals("end")) {
                ends.putIfAbsent(String.valueOf(r.get("id")), r);
            }
        }
        List<TestResult> results = new ArrayList<>();
        Map<String, Object> seeds = new LinkedHashMap<>(plan.seeds());
        for (Check c : plan.checks()) {
            String name = "Explored: " + c.title();
            Map<String, Object> end = ends.get(c.id());
            if (end != null && end.get("switches") != null && seeds.get("explore." + c.id()) instanceof Map<?, ?> m) {
                Map<Object, Object> recorded = new LinkedHashMap<>(m);
                recorded.put("switches", end.get("switches")); // how the child ran the threads, for results.json
                seeds.put("explore." + c.id(), recorded);
            }
            if (end == null) {
                results.add(new TestResult(name, 0, c.points(), false, (c.id().equals(lastStarted)
                        ? "Failed: this check was running when " : "Not run: ") + why, "visible"));
                continue;
            }
            boolean passed = "passed".equals(end.get("status"));
            results.add(new TestResult(name, passed ? c.points() : 0, c.points(), passed,
                    passed ? "" : feedback(c, end), "visible"));
        }
        return new Outcome(results, seeds);
    }

    /** What the learner reads about a failed check: the outcome, the witness, its swimlane, the replay line. */
    static String feedback(Check c, Map<String, Object> end) {
        StringBuilder out = new StringBuilder();
        String label = ASSERTION.matcher(scrub(String.valueOf(end.getOrDefault("label", "failed")))).replaceFirst("")
                .replaceFirst(" ==> expected: <[^>]*> but was: <[^>]*>$", "").replace(" (at null:-1)", "");
        Object witness = end.get("witness");
        if (witness == null) {
            out.append("The explored check failed: ").append(label);
            String stop = String.valueOf(end.getOrDefault("stop", ""));
            if (!stop.isBlank()) {
                out.append("\nStopped: ").append(scrub(stop));
            }
            return out.toString();
        }
        out.append("The schedule explorer (").append(c.strategy()).append(", seed ").append(c.seed())
                .append(", up to ").append(c.schedules()).append(" schedules) ran ").append(plural(end, "schedules"))
                .append(" of this check; ").append(number(end, "count"))
                .append(" ended with: ").append(label).append('\n');
        String detail = learnerFrames(scrub(String.valueOf(end.getOrDefault("detail", "")))).strip();
        if (!detail.isEmpty()) {
            out.append(detail).append('\n');
        }
        out.append("\nOne schedule that shows it (a letter per step of thread A, B, ...): ").append(witness)
                .append('\n');
        String lane = scrub(String.valueOf(end.getOrDefault("swimlane", ""))).stripTrailing();
        if (!lane.isEmpty()) {
            out.append(lane).append('\n');
        }
        if (!c.replay().isEmpty()) {
            out.append("\nReplay it in your notebook, step by step (after `import racecourse.explore.Explore;`):\n").append(c.replay().replace("%s",
                    String.valueOf(witness)));
        }
        return out.toString().stripTrailing();
    }

    private static String plural(Map<String, Object> end, String key) {
        String n = number(end, key);
        return n + (n.equals("1") ? " schedule" : " schedules");
    }

    private static String number(Map<String, Object> end, String key) {
        Object v = end.get(key);
        return v instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(v);
    }

    /** Keeps only the stack frames in the learner's classes (the unnamed package); grader and JDK frames go. */
    static String learnerFrames(String text) {
        return String.join("\n", text.lines().filter(l -> !l.stripLeading().startsWith("at ")
                || LEARNER_FRAME.matcher(l.strip()).matches()).toList());
    }

    /** A thread's default name in parentheses after its letter. */
    private static final Pattern DEFAULT_NAME = Pattern.compile(" \\(Thread-\\d+\\)");

    /** A place in the swimlane's cells, which the swimlane cuts with "..." when the cell is too narrow. */
    private static final Pattern CUT_PLACE = Pattern.compile("\\bat ([\\w.$]+)\\.\\.\\.");

    /**
     * Replaces every disguised (hidden) class name with "the check", also where a swimlane cell cut it short
     * ("at racecourse.grader.su...").
     */
    static String scrub(String text) {
        // A thread's default name ("Thread-3") counts every thread the JVM made before it, the tests' included:
        // the explorer's letters (thread C) name it the same on every run, so the number goes.
        String whole = DISGUISED.matcher(DEFAULT_NAME.matcher(text).replaceAll("")).replaceAll("the check");
        return CUT_PLACE.matcher(whole).replaceAll(m -> {
            String cut = m.group(1);
            return TestSuite.PACKAGE.startsWith(cut) || cut.startsWith(TestSuite.PACKAGE) ? "at the check..."
                    : java.util.regex.Matcher.quoteReplacement(m.group());
        });
    }
}
