package racecourse.grader.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compilation happens in a child JVM under a time limit: its class files come back intact, its errors come back with
 * their lines, and a compilation that outlives the limit is stopped with a clear message (the grader's own process
 * never runs the compiler on submitted code).
 */
class CompileInChildTests {
    @Test
    void classesAndErrorsComeBack() throws Exception {
        CompileJava.Output ok = CompileInChild.compile(Map.of("A.java", "class A { int x() { return 1; } }"),
                Duration.ofSeconds(60), 256);
        assertTrue(ok.ok(), ok.errors().toString());
        assertEquals(CompileJava.compile(Map.of("A.java", "class A { int x() { return 1; } }"), "").classes()
                .get("A").length, ok.classes().get("A").length);
        CompileJava.Output bad = CompileInChild.compile(Map.of("B.java", "class B {\n int x() { return y; } }"),
                Duration.ofSeconds(60), 256);
        assertTrue(bad.errors().get(0).startsWith("B.java:2:"), bad.errors().toString());
    }

    @Test
    void aCompilationOverTheLimitIsStopped() throws Exception {
        // A limit far below what starting a JVM and its compiler takes stands in for a compile bomb.
        CompileJava.Output out = CompileInChild.compile(Map.of("A.java", "class A { }"), Duration.ofMillis(50), 256);
        assertEquals(1, out.errors().size());
        assertTrue(out.errors().get(0).startsWith("compilation took longer than"), out.errors().toString());
        assertTrue(out.classes().isEmpty());
    }
}
