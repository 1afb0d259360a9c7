package racecourse.grader.gradescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.format.GradescopeResults;
import racecourse.json.Json;
import racecourse.grader.pipeline.GradeReport;
import racecourse.grader.pipeline.Grader;
import racecourse.grader.sandbox.ChildJvm;
import racecourse.grader.step.DetectorRaceCheck;

/**
 * The Gradescope bundle works: its {@code run_autograder}, run on a temporary {@code AUTOGRADER_ROOT} with this
 * machine's JDK, writes the same results as grading the same notebook here. (Its {@code setup.sh}, which installs a
 * JDK, cannot run here; the test checks only that it is there and installs Temurin 25.)
 */
class BundleTests {
    @Test
    void runAutograderGradesLikeTheGrader(@TempDir Path tmp) throws Exception {
        Course course = TestCourse.course();
        Exercise bank = course.exercise("bank");
        Path root = tmp.resolve("autograder");
        new Bundle(course, "bank").write(root.resolve("source"));
        assertTrue(Files.readString(root.resolve("source/setup.sh")).contains("temurin-25-jdk"));
        Files.createDirectories(root.resolve("submission"));
        Files.copy(bank.notebook(), root.resolve("submission/bank.ipynb"));

        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("source/run_autograder").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile());
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "run_autograder finished");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log.txt")));

        Map<String, Object> bundled = Json.parseObject(Files.readString(root.resolve("results/results.json")));
        GradeReport here = new Grader(new DetectorRaceCheck(course.root())).grade(bank, bank.notebook());
        Map<String, Object> local = Json.parseObject(GradescopeResults.write(here));
        bundled.remove("execution_time");
        local.remove("execution_time");
        assertEquals(local, bundled, Files.readString(tmp.resolve("log.txt")));
        assertTrue(here.fullScore(), "the reference gets full marks");
        assertEquals(here.maxScore(), ((Number) bundled.get("score")).doubleValue(), 1e-9,
                "the reference gets full marks in the bundle too");
    }

    /**
     * Every class the grader's child JVMs load here is in the bundle's jars: for each anchor of the child's class
     * path (the harness, JUnit, the explorer and the instrumentation it is built on), some jar in {@code lib/}
     * holds its class file. A jar left out makes every explored check fail in the bundle only.
     */
    @Test
    void theBundleCarriesEveryJarOfTheChildClassPath(@TempDir Path tmp) throws Exception {
        Path lib = tmp.resolve("lib");
        Bundle.copyGraderJars(lib);
        java.util.Set<String> held = new java.util.HashSet<>();
        try (var jars = Files.list(lib)) {
            for (Path jar : jars.toList()) {
                try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                    zip.stream().forEach(e -> held.add(e.getName()));
                }
            }
        }
        for (String entry : ChildJvm.classPath().split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            java.util.List<String> classes = new java.util.ArrayList<>();
            if (Files.isDirectory(p)) {
                try (var walk = Files.walk(p)) {
                    walk.filter(f -> f.toString().endsWith(".class")).limit(20)
                            .forEach(f -> classes.add(p.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
                }
            } else {
                try (var zip = new java.util.zip.ZipFile(p.toFile())) {
                    zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".class")
                            && !n.startsWith("META-INF/")).limit(20).forEach(classes::add);
                }
            }
            assertTrue(!classes.isEmpty(), "no class in " + entry);
            for (String c : classes) {
                assertTrue(held.contains(c), c + " (from " + entry + ") is not in the bundle's lib/");
            }
        }
    }

    @Test
    void noNotebookGetsAClearZero(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("autograder");
        new Bundle(TestCourse.course(), "bank").write(root.resolve("source"));
        Files.createDirectories(root.resolve("submission"));
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("source/run_autograder").toString())
                .redirectErrorStream(true);
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        Process p = pb.start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        Map<String, Object> r = Json.parseObject(Files.readString(root.resolve("results/results.json")));
        assertEquals(0.0, ((Number) r.get("score")).doubleValue(), 1e-9);
        assertTrue(String.valueOf(r.get("output")).contains("No .ipynb"));
    }
}
