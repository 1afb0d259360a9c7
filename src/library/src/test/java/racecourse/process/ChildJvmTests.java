package racecourse.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildJvmTests {
    /** The child's main class: prints its arguments, a system property and the JDK it runs on as records. */
    public static final class Echo {
        /** Entry point of the child JVM. */
        public static void main(String[] args) {
            System.out.println("echo args=" + String.join(",", args) + " flag=" + System.getProperty("rc.flag")
                    + " home=" + System.getProperty("java.home"));
            System.exit(args.length);
        }
    }

    @Test
    void runsAMainClassOnThisJdkWithOptionsAndArguments() {
        ProcessResult r = ChildJvm.run(Echo.class, List.of("-Drc.flag=on"), List.of("a", "b"), Duration.ofSeconds(60));
        assertEquals(2, r.exitCode(), r.err());
        Map<String, String> rec = r.records("echo").getFirst();
        assertEquals("a,b", rec.get("args"));
        assertEquals("on", rec.get("flag"));
        assertEquals(System.getProperty("java.home"), rec.get("home"));
    }

    @Test
    void buildsTheCommandInOrder() {
        List<String> cmd = ChildJvm.of("demo.Main").jvmOptions(List.of("-Xmx64m")).classPath(List.of("a.jar", "b"))
                .classPath(List.of("a.jar")).args(List.of("x")).command();
        assertEquals(List.of(ChildJvm.javaCommand(), "-Xmx64m", "-cp", "a.jar" + java.io.File.pathSeparator + "b",
                "demo.Main", "x"), cmd);
        assertTrue(Files.isExecutable(Path.of(ChildJvm.javaCommand())));
    }

    @Test
    void findsTheJarOfAClass() {
        assertTrue(ChildJvm.classPathOf(ChildJvm.class).endsWith("classes")
                || ChildJvm.classPathOf(ChildJvm.class).endsWith(".jar"));
    }
}
