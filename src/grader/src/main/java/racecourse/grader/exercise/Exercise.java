package racecourse.grader.exercise;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import racecourse.grader.format.Notebook;

/**
 * One exercise as it sits in {@code exercises/}: the notebook {@code NAME.ipynb} (instructions, solution cells, the
 * inline check cell), and the folder {@code NAME/} with {@code exercise.properties}, the contract and visible tests
 * in {@code tests/}, the hidden tests in {@code tests/hidden/}, and graded variants in {@code variants/}.
 *
 * <p>Thread-safe (immutable once loaded).
 */
public final class Exercise {
    /** The name of the settings file in the exercise folder. */
    public static final String PROPERTIES = "exercise.properties";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");

    private final String name;
    private final Path dir;
    private final Path notebook;
    private final Properties props;

    private Exercise(String name, Path dir, Path notebook, Properties props) {
        this.name = name;
        this.dir = dir;
        this.notebook = notebook;
        this.props = props;
    }

    /** Loads exercise {@code name} from an exercises folder; a missing part fails with a clear message. */
    public static Exercise load(Path exercises, String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad exercise name '" + name + "': use letters, digits, - and _");
        }
        Path dir = exercises.resolve(name);
        Path file = dir.resolve(PROPERTIES);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no exercise '" + name + "': " + file + " does not exist");
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        if (props.getProperty("class", "").isBlank()) {
            throw new IllegalArgumentException(file + " must name the learner's class: class=ClassName");
        }
        Path notebook = exercises.resolve(name + ".ipynb");
        if (!Files.isRegularFile(notebook)) {
            throw new IllegalArgumentException("exercise '" + name + "' has no notebook " + notebook);
        }
        return new Exercise(name, dir, notebook, props);
    }

    /** The exercise name (also the solution cell's grade_id). */
    public String name() {
        return name;
    }

    /** The exercise folder. */
    public Path dir() {
        return dir;
    }

    /** The instructor's notebook. */
    public Path notebook() {
        return notebook;
    }

    /** Reads the instructor's notebook. */
    public Notebook readNotebook() throws IOException {
        return Notebook.read(notebook);
    }

    /** The simple name of the class the learner writes. */
    public String className() {
        return props.getProperty("class").trim();
    }

    /** The lesson the exercise belongs to, or 0. */
    public int lesson() {
        return Integer.parseInt(props.getProperty("lesson", "0").trim());
    }

    /** The per-test timeout. */
    public Duration testTimeout() {
        return Duration.ofSeconds(Long.parseLong(props.getProperty("timeout.test.seconds", "10").trim()));
    }

    /** The timeout for the whole test run. */
    public Duration totalTimeout() {
        return Duration.ofSeconds(Long.parseLong(props.getProperty("timeout.total.seconds", "30").trim()));
    }

    /** The timeout for the race check's run (its probe alone), {@code timeout.race.seconds}, default 15 s. */
    public Duration raceTimeout() {
        return Duration.ofSeconds(Long.parseLong(props.getProperty("timeout.race.seconds", "15").trim()));
    }

    /** The time limit for compiling a submission, {@code timeout.compile.seconds}, default 30 s. */
    public Duration compileTimeout() {
        return Duration.ofSeconds(Long.parseLong(props.getProperty("timeout.compile.seconds", "30").trim()));
    }

    /**
     * The wall-clock budget of one whole grading, {@code timeout.grading.seconds}, default 55 s: no child JVM of a
     * grading may run past it, so a hostile submission never holds a grading worker for a minute.
     */
    public Duration gradingTimeout() {
        return Duration.ofSeconds(Long.parseLong(props.getProperty("timeout.grading.seconds", "55").trim()));
    }

    /** The child JVM's heap limit in MB. */
    public int heapMb() {
        return Integer.parseInt(props.getProperty("heap.mb", "256").trim());
    }

    /** How many live platform threads the child JVM allows before it stops the run. */
    public int maxThreads() {
        return Integer.parseInt(props.getProperty("threads.max", "200").trim());
    }

    /** A copy of every setting in exercise.properties, for steps that read their own keys. */
    public Properties settings() {
        Properties copy = new Properties();
        copy.putAll(props);
        return copy;
    }

    /** Points for the race-detector check, 0 when the exercise has none. */
    public double racePoints() {
        return Double.parseDouble(props.getProperty("race.points", "0").trim());
    }

    /** The test class the race check runs under the detector (a class in tests/ or tests/hidden/), or null. */
    public String raceTest() {
        String s = props.getProperty("race.test", "").trim();
        return s.isEmpty() ? null : s;
    }

    /**
     * The code rules: {@code rule.ID.forbid}, {@code rule.ID.scope}, {@code rule.ID.allow}, {@code rule.ID.points},
     * {@code rule.ID.message}. A rule is declared by its {@code forbid} or its {@code scope} line.
     */
    public List<CodeRule> codeRules() {
        Map<String, CodeRule> rules = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames().stream().sorted().toList()) {
            String suffix = key.endsWith(".forbid") ? ".forbid" : key.endsWith(".scope") ? ".scope" : null;
            if (key.startsWith("rule.") && suffix != null) {
                String id = key.substring(5, key.length() - suffix.length());
                if (rules.containsKey(id)) {
                    continue;
                }
                List<String> forbid = list("rule." + id + ".forbid");
                rules.put(id, new CodeRule(id, forbid, list("rule." + id + ".scope"), list("rule." + id + ".allow"),
                        Double.parseDouble(props.getProperty("rule." + id + ".points", "1").trim()),
                        props.getProperty("rule." + id + ".message", "the solution must not use " + forbid)));
            }
        }
        return List.copyOf(rules.values());
    }

    private List<String> list(String key) {
        List<String> out = new ArrayList<>();
        for (String f : props.getProperty(key, "").split(",")) {
            if (!f.isBlank()) {
                out.add(f.trim());
            }
        }
        return List.copyOf(out);
    }

    /** Java files of the contract and visible tests ({@code tests/*.java}), sorted. */
    public List<Path> visibleTestSources() throws IOException {
        return javaFiles(dir.resolve("tests"), false);
    }

    /** Java files of the hidden tests ({@code tests/hidden/**.java}), sorted. */
    public List<Path> hiddenTestSources() throws IOException {
        return javaFiles(dir.resolve("tests").resolve("hidden"), true);
    }

    /** The graded variants ({@code variants/*.java}), sorted. */
    public List<Path> variants() throws IOException {
        return javaFiles(dir.resolve("variants"), false);
    }

    private static List<Path> javaFiles(Path folder, boolean deep) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = deep ? Files.walk(folder) : Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /**
     * A rule on the submission's bytecode. It must not use any of {@code forbid}, each either {@code synchronized}
     * (a synchronized method or block) or a prefix of a class's or member's internal name
     * ({@code java/util/concurrent/locks/}, {@code java/util/Collections.synchronized}). Where an allow-list fits,
     * {@code scope} names the packages it governs and {@code allow} what may be used there: every class under a
     * scope entry that the allow-list does not name is a violation, so a whole family cannot be missed. Entries
     * ending in {@code /} or {@code *} are prefixes; others are exact class names.
     *
     * @param id      short name, shown in results
     * @param forbid  what is forbidden
     * @param scope   prefixes governed by the allow-list (empty: no allow-list)
     * @param allow   what may be used within the scope
     * @param points  points for obeying the rule
     * @param message what the rule asks, in words the learner can act on
     */
    public record CodeRule(String id, List<String> forbid, List<String> scope, List<String> allow, double points,
            String message) {
    }

    @Override
    public String toString() {
        return "exercise " + name;
    }
}
