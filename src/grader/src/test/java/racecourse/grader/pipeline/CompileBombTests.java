package racecourse.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.exercise.Variant;
import racecourse.grader.step.CompileInChild;
import racecourse.grader.step.CompileJava;

/**
 * A real compile bomb: conditional expressions nested as arguments of an overloaded generic method. Each level is a
 * poly expression that javac checks again against every candidate, so its work grows exponentially with the depth
 * (on this machine, depth 8 took about 19 s and depth 12 over two minutes) while the source stays a few lines. The
 * grader stops it at the exercise's compile limit and gives 0 with "compilation took longer than N s".
 */
class CompileBombTests {
    /** The limit the test sets (the default is 30 s); the bomb needs far longer. */
    private static final int LIMIT_SECONDS = 6;

    /** A Bank whose extra method holds the bomb nested {@code depth} levels deep. */
    static String bank(int depth) {
        String e = "1";
        for (int i = 0; i < depth; i++) {
            e = "f(c ? " + e + " : g())";
        }
        return """
                import java.util.*;

                class Bank {
                    private int balance;
                    static boolean c;
                    static <T> T g() { return null; }
                    static <T> T f(T a) { return a; }
                    static <T extends Comparable<T>> List<T> f(Collection<? extends T> a) { return null; }
                    static <T> Optional<T> f(Optional<? super T> a) { return null; }
                    static Object bomb() { return %s; }
                    synchronized void deposit(int amount) { balance += amount; }
                    synchronized boolean withdraw(int amount) {
                        if (balance < amount) return false;
                        balance -= amount;
                        return true;
                    }
                    synchronized int balance() { return balance; }
                }
                """.formatted(e);
    }

    @Test
    void theSameShapeShallowCompilesQuickly() throws Exception {
        // The control: depth 2 is ordinary code, so the time below comes from the nesting, not from the shape.
        CompileJava.Output out = CompileInChild.compile(Map.of("Bank.java", bank(2)), Duration.ofSeconds(60), 256);
        assertTrue(out.ok(), out.errors().toString());
    }

    @Test
    void aCompileBombScoresZeroWithinTheLimit(@TempDir Path tmp) throws Exception {
        Course real = TestCourse.course();
        copy(real.exercises().resolve("bank"), tmp.resolve("exercises/bank"));
        Files.copy(real.exercises().resolve("bank.ipynb"), tmp.resolve("exercises/bank.ipynb"));
        Path props = tmp.resolve("exercises/bank/exercise.properties");
        Files.writeString(props, Files.readString(props) + "\ntimeout.compile.seconds=" + LIMIT_SECONDS + "\n");
        Exercise bank = new Course(tmp).exercise("bank");
        assertEquals(Duration.ofSeconds(LIMIT_SECONDS), bank.compileTimeout());

        Grader grader = new Grader((e, s, c, t) -> new racecourse.grader.step.RaceCheck.Outcome(false, false, 0,
                "off in this test"));
        GradeReport r = grader.grade(bank, Variant.submission(bank, bank(14)), "bomb.ipynb");
        assertEquals(0, r.score(), 1e-9);
        assertEquals(1, r.compileErrors().size(), r.compileErrors().toString());
        assertTrue(r.compileErrors().get(0).startsWith("compilation took longer than " + LIMIT_SECONDS + " s"),
                r.compileErrors().toString());
        assertTrue(r.summary().contains("could not be compiled in time"), r.summary());
        // Stopped at the limit: the grading ends a JVM start and a kill after it, never after the bomb.
        assertTrue(r.elapsed().compareTo(Duration.ofSeconds(LIMIT_SECONDS + 20)) < 0, r.elapsed().toString());
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
