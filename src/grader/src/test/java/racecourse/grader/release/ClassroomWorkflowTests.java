package racecourse.grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Course;

/**
 * The released student repository carries a Classroom workflow that parses as YAML (Debian's python3-yaml) and whose
 * grading command runs here: full marks (exit 0) for a correct notebook, exit 1 for the released stub. No hidden test
 * is in the repository it runs in.
 */
class ClassroomWorkflowTests {
    @Test
    void workflowParsesAndItsCommandRuns(@TempDir Path tmp) throws Exception {
        Course course = TestCourse.course();
        Path rel = tmp.resolve("rel");
        new Release(course).write(rel);
        Path yml = rel.resolve(ClassroomWorkflow.PATH);
        assertTrue(Files.isRegularFile(yml));

        Process py = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, yaml; d = yaml.safe_load(open(sys.argv[1]));"
                + " steps = d['jobs']['run-autograding-tests']['steps'];"
                + " print(len(steps)); print(steps[2]['with']['command'])", yml.toString())
                .redirectErrorStream(true).start();
        String out = new String(py.getInputStream().readAllBytes());
        assertTrue(py.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, py.exitValue(), out);
        assertEquals(course.exerciseNames().size() + 3, Integer.parseInt(out.lines().findFirst().orElseThrow().strip()),
                out);
        String command = out.lines().skip(1).findFirst().orElseThrow();
        String first = course.exerciseNames().get(0);
        assertEquals(ClassroomWorkflow.command(first), command);
        try (var s = Files.walk(rel)) {
            assertFalse(s.anyMatch(p -> p.toString().contains("/tests/hidden")), "no hidden tests in the release");
        }

        assertEquals(1, run(rel, ClassroomWorkflow.command("bank")), "the released stub is not full marks");
        Files.copy(course.exercise("bank").notebook(), rel.resolve("exercises/bank.ipynb"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, run(rel, ClassroomWorkflow.command("bank")), "a correct notebook passes");
    }

    private static int run(Path dir, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv("PATH"));
        Process p = pb.start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        return p.exitValue();
    }
}
