package racecourse.grader.step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import racecourse.grader.exercise.Exercise;
import racecourse.json.Json;
import racecourse.grader.pipeline.TestSuite;
import racecourse.grader.sandbox.ChildJvm;
import racecourse.grader.sandbox.Job;

/**
 * The race check backed by the course's race detector ({@code racecourse-race}): a child JVM started with
 * {@code -javaagent:<race jar>=json=...,text=...} runs the exercise's race test (for example {@code BankRaceProbe})
 * on the sandboxed submission, and the grader reads the detector's JSON report ({@code count}) and text report.
 * Only the submission's classes are instrumented: the grader, the harness and the test classes are excluded.
 * When no detector jar can be found the check does not run and says so; it is then not scored.
 * Thread-safe (immutable; each run uses its own report folder).
 */
public final class DetectorRaceCheck implements RaceCheck {
    private final Path courseRoot;

    /** A race check that looks for the detector jar under the course root (or in {@code RACECOURSE_RACE_AGENT}). */
    public DetectorRaceCheck(Path courseRoot) {
        this.courseRoot = courseRoot;
    }

    /** The detector's agent jar, if one is built: the first jar that declares a {@code Premain-Class}. */
    public Path agentJar() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("RACECOURSE_RACE_AGENT");
        if (env != null) {
            candidates.add(Path.of(env));
        }
        for (Path dir : List.of(courseRoot.resolve("src/cli/target/lib"), courseRoot.resolve("src/race/target"),
                Path.of(System.getProperty("user.home"),
                        ".m2/repository/org/racecourse/racecourse-race/1.0.0-SNAPSHOT"))) {
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "racecourse-race-*.jar")) {
                    for (Path p : s) {
                        if (!p.getFileName().toString().contains("sources")) {
                            candidates.add(p);
                        }
                    }
                }
            }
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    if (jar.getManifest() != null
                            && jar.getManifest().getMainAttributes().getValue("Premain-Class") != null) {
                        return p;
                    }
                } catch (IOException e) {
                    // Not a readable jar: try the next one.
                }
            }
        }
        return null;
    }

    @Override
    public Outcome run(Exercise exercise, TestSuite suite, Map<String, byte[]> submission,
            java.time.Duration testTimeout)
            throws IOException, InterruptedException {
        return run(exercise, suite, submission, testTimeout, exercise.raceTimeout().plusSeconds(10));
    }

    @Override
    public Outcome run(Exercise exercise, TestSuite suite, Map<String, byte[]> submission,
            java.time.Duration testTimeout, java.time.Duration limit)
            throws IOException, InterruptedException {
        Path jar = agentJar();
        if (jar == null) {
            return new Outcome(false, false, 0, "the race detector is not built (no racecourse-race agent jar under "
                    + courseRoot + ")");
        }
        Path reports = Files.createTempDirectory("racecourse-race-");
        try {
            Path json = reports.resolve("report.json");
            Path text = reports.resolve("report.txt");
            // Grader-owned code (the harness, the API and the tests, which the suite moved into the grader's
            // package) is excluded; a submission's classes always live in the unnamed package, so no submission
            // class can fall under this prefix whatever it is called.
            String agent = "-javaagent:" + jar + "=json=" + json + ",text=" + text + ",max=20,exclude="
                    + GRADER_PACKAGE + excludeSource(jar);
            String probe = suite.disguised(exercise.raceTest());
            if (probe == null) {
                return new Outcome(false, false, 0, "the exercise names a race test that does not exist");
            }
            // The probe gets the whole race budget as its own timeout, so a slow machine never cuts a correct run.
            Job job = new Job(ChildJvm.newNonce(), (int) exercise.raceTimeout().toMillis(), 1024,
                    exercise.maxThreads(), submission, suite.classes(),
                    Map.of(exercise.className(), exercise.className()), List.of(probe));
            java.time.Duration own = exercise.raceTimeout().plusSeconds(10);
            ChildJvm.Result run = new ChildJvm(exercise.heapMb(), own.compareTo(limit) < 0 ? own : limit,
                    List.of(agent),
                    asmJars(jar)).run(job);
            if (!Files.isRegularFile(json)) {
                return new Outcome(true, false, 0, "the race check did not run to completion: the detector wrote "
                        + "no report (" + why(run, suite) + ")");
            }
            Map<String, Object> report = Json.parseObject(Files.readString(json, StandardCharsets.UTF_8));
            int count = ((Number) report.getOrDefault("count", 0L)).intValue();
            String incomplete = incomplete(run, report, suite);
            String words = Files.isRegularFile(text) ? Files.readString(text, StandardCharsets.UTF_8) : "";
            // Keep the learner's and the probe's frames; drop the reflection, proxy, JUnit and harness frames.
            words = words.lines().filter(l -> !l.matches("\\s+(jdk\\.|java\\.lang\\.reflect\\."
                    + "|java\\.lang\\.Thread\\.run|java\\.util\\.concurrent\\."
                    + "|racecourse\\.grader\\.|org\\.junit\\.).*"))
                    .reduce("", (a, b) -> a + b + "\n");
            words = fillCreationSites(words);
            if (words.length() > 12_000) {
                words = words.substring(0, 12_000) + "\n[report cut]";
            }
            if (count == 0) {
                return incomplete == null ? new Outcome(true, true, 0, "No data races found.")
                        : new Outcome(true, false, 0, "the race check did not run to completion: " + incomplete);
            }
            // A race the detector saw is real even if the run did not finish: it is reported either way.
            return new Outcome(true, incomplete == null, count, "The race detector found " + count + " data race(s) while two threads "
                    + "used your class. Each report names the field, the two accesses and the threads:\n" + words);
        } finally {
            try (Stream<Path> walk = Files.walk(reports)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The package prefix of every grader-owned class in the child JVM. */
    public static final String GRADER_PACKAGE = "racecourse.grader.";

    /**
     * Why a race-check run is not complete, or null when it is: the probe tests must all have ended and passed,
     * the harness must have finished, the JVM must have exited normally (status 0), and the detector's report must
     * not say it is incomplete ({@code "complete": false}).
     */
    static String incomplete(ChildJvm.Result run, Map<String, Object> report, TestSuite suite) {
        if (Boolean.FALSE.equals(report.get("complete"))) {
            return "the race detector's report says it is incomplete";
        }
        return why(run, suite);
    }

    private static String why(ChildJvm.Result run, TestSuite suite) {
        int passed = 0;
        boolean done = false;
        String failure = null;
        String abort = null;
        for (Map<String, Object> r : run.reports()) {
            switch (String.valueOf(r.get("event"))) {
                case "end" -> {
                    if ("passed".equals(r.get("status"))) {
                        passed++;
                    } else if (failure == null) {
                        failure = String.valueOf(r.get("message"));
                    }
                }
                case "abort" -> abort = abort == null ? String.valueOf(r.get("reason")) : abort;
                case "done" -> done = true;
                default -> { }
            }
        }
        if (abort != null) {
            return abort;
        }
        if (run.timedOut()) {
            return "the run took too long and was stopped";
        }
        if (failure != null) {
            return "the race workload failed, so it did not exercise your class as a correct one would: "
                    + failure.lines().limit(6).reduce((a, b) -> a + "\n" + b).orElse("");
        }
        if (passed == 0 || !done) {
            return "the race workload did not finish (exit status " + run.exitCode() + ")";
        }
        if (run.exitCode() != 0) {
            return "the test JVM exited with status " + run.exitCode();
        }
        return null;
    }

    /**
     * Fills a thread's empty "created at" section: threads the grader's tests start have no frame in the learner's
     * code (the detector leaves the grader's own frames out), so the report says who started them instead.
     */
    static String fillCreationSites(String report) {
        List<String> lines = report.lines().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.append(line).append('\n');
            boolean empty = i + 1 >= lines.size() || lines.get(i + 1).isBlank() || lines.get(i + 1).startsWith("===")
                    || lines.get(i + 1).startsWith("Thread ") || lines.get(i + 1).startsWith("Found ");
            if (line.startsWith("Thread ") && line.endsWith("created at:") && empty) {
                out.append("  the exercise's test (its threads call your class)\n");
            }
        }
        return out.toString();
    }

    /**
     * The agent option that leaves grader-owned code out by its code source (the grader's jar or class folder,
     * where the harness, the API and the tests are defined), for detectors that support it; empty otherwise.
     */
    static String excludeSource(Path agentJar) {
        try (JarFile j = new JarFile(agentJar.toFile())) {
            if (j.getEntry("racecourse/race/instrument/SourceExclusions.class") == null) {
                return "";
            }
            Path graderCode = Path.of(racecourse.grader.sandbox.Harness.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            return ",excludeSource=" + graderCode;
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return "";
        }
    }

    /** ASM jars for the agent: next to it, or from the grader's own class path. */
    private static List<String> asmJars(Path agentJar) {
        List<String> jars = new ArrayList<>();
        for (String anchor : List.of("org.objectweb.asm.ClassReader", "org.objectweb.asm.commons.Remapper",
                "org.objectweb.asm.tree.ClassNode")) {
            try {
                Class<?> c = Class.forName(anchor, false, DetectorRaceCheck.class.getClassLoader());
                jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (ReflectiveOperationException | java.net.URISyntaxException | RuntimeException e) {
                String artifact = anchor.contains("commons") ? "asm-commons" : anchor.contains("tree") ? "asm-tree"
                        : "asm";
                Path next = agentJar.resolveSibling(artifact + "-9.9.jar");
                Path m2 = Path.of(System.getProperty("user.home"), ".m2/repository/org/ow2/asm", artifact, "9.9",
                        artifact + "-9.9.jar");
                if (Files.isRegularFile(next)) {
                    jars.add(next.toString());
                } else if (Files.isRegularFile(m2)) {
                    jars.add(m2.toString());
                }
            }
        }
        return jars;
    }
}
