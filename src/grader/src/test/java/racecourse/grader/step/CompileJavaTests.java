package racecourse.grader.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The grader's compile step, which runs inside the grading child JVM: a submission compiles against the JDK and
 * the given class path only, never the grader's own classes, and its errors come one line each, file and line first.
 */
class CompileJavaTests {
    @Test
    void aSubmissionSeesNothingOfTheGradersClassPath() {
        CompileJava.Output out = CompileJava.compile(
                Map.of("Peek.java", "class Peek {\n  racecourse.grader.step.CompileJava c;\n}\n"), "");
        assertEquals(1, out.errors().size(), out.errors().toString());
        assertEquals("Peek.java:2: package racecourse.grader.step does not exist", out.errors().get(0));
        assertTrue(out.classes().isEmpty());
    }

    @Test
    void theGivenClassPathIsSeen() {
        String own = CompileJava.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        CompileJava.Output out = CompileJava.compile(
                Map.of("Peek.java", "class Peek {\n  racecourse.grader.step.CompileJava c;\n}\n"), own);
        assertTrue(out.ok(), out.errors().toString());
        assertTrue(out.classes().containsKey("Peek"), out.classes().keySet().toString());
    }

    @Test
    void previewFeaturesOfTheCourseReleaseCompile() {
        CompileJava.Output out = CompileJava.compile(Map.of("Main.java",
                "class Main { record P(int x) { } static int x(Object o) { return o instanceof P(int x) ? x : 0; } }"),
                "");
        assertTrue(out.ok(), out.errors().toString());
    }
}
