package racecourse.grader.step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Path jar = agentJar();
        if (jar == null) {
            return new Outcome(false, 0, "the race detector is not built (no racecourse-race agent jar under "
                    + courseRoot + ")");
        }
        Path reports = Files.createTempDirectory("racecourse-race-");
        try {
            Path json = reports.resolve("report.json");
            Path text = reports.resolve("report.txt");
            Set<String> exclude = new LinkedHashSet<>();
            exclude.add("racecourse.grader.");
            for (String c : suite.classes().keySet()) {
                exclude.add(c.contains("$") ? c.substring(0, c.indexOf('$')) : c);
            }
            String agent = "-javaagent:" + jar + "=json=" + json + ",text=" + text + ",max=20,exclude="
                    + String.join(";", exclude);
            Job job = new Job(ChildJvm.newNonce(), (int) testTimeout.toMillis(), 1024,
                    exercise.maxThreads(), submission, suite.classes(),
                    Map.of(exercise.className(), exercise.className()), List.of(exercise.raceTest()));
            ChildJvm.Result run = new ChildJvm(exercise.heapMb(), exercise.totalTimeout(), List.of(agent),
                    asmJars(jar)).run(job);
            if (!Files.isRegularFile(json)) {
                return new Outcome(false, 0, "the race detector wrote no report (exit status " + run.exitCode()
                        + (run.stderr().isBlank() ? "" : ": " + run.stderr().strip().lines().findFirst().orElse(""))
                        + ")");
            }
            Map<String, Object> report = Json.parseObject(Files.readString(json, StandardCharsets.UTF_8));
            int count = ((Number) report.getOrDefault("count", 0L)).intValue();
            String words = Files.isRegularFile(text) ? Files.readString(text, StandardCharsets.UTF_8) : "";
            // Keep the learner's and the probe's frames; drop the reflection, proxy, JUnit and harness frames.
            words = words.lines().filter(l -> !l.matches("\\s+(jdk\\.|java\\.lang\\.reflect\\."
                    + "|java\\.lang\\.Thread\\.run|java\\.util\\.concurrent\\."
                    + "|racecourse\\.grader\\.|org\\.junit\\.).*"))
                    .reduce("", (a, b) -> a + b + "\n");
            if (words.length() > 12_000) {
                words = words.substring(0, 12_000) + "\n[report cut]";
            }
            if (count == 0) {
                return new Outcome(true, 0, "No data races found.");
            }
            return new Outcome(true, count, "The race detector found " + count + " data race(s) while two threads "
                    + "used your class. Each report names the field, the two accesses and the threads:\n" + words);
        } finally {
            try (Stream<Path> walk = Files.walk(reports)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
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
