package racecourse.explore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code racecourse explore FILE.java} runs what {@code java FILE.java} runs: the file is compiled as the source
 * launcher compiles it, and its first top-level class is the program, however that class is written.
 */
class ExploreCommandTests {
    /** Runs the command; returns its exit code and what it printed on standard output. */
    private static String[] run(Path file) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new ExploreCommand()).execute(file.toString(), "--no-races");
        } finally {
            System.setOut(out);
        }
        return new String[] {Integer.toString(code), captured.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aPublicClassNamedUnlikeItsFileIsTheProgram(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Lab.java"), """
                public class Renamed {
                    public static void main(String[] args) { System.out.println("ran Renamed"); }
                }
                """);
        String[] r = run(file);
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].contains("ran Renamed"), r[1]);
    }

    @Test
    void theFirstTopLevelClassIsTheProgramWhateverItsModifiersAndComments(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Shapes.java"), """
                // class Decoy { void main() { } } is only a comment
                @SuppressWarnings("unused")
                sealed interface Shape permits Box { }
                final class Box implements Shape { }
                final class Runner {
                    public static void main(String[] args) { System.out.println("ran Runner"); }
                }
                """);
        String[] r = run(file);
        // as with `java Shapes.java`: the first type is no class with a main, so the class named after the file is
        // wanted, and there is none
        assertEquals("2", r[0], r[1]);
        Path ok = Files.writeString(dir.resolve("Annotated.java"), """
                /* class Decoy */
                @SuppressWarnings("unused")
                final class Annotated {
                    public static void main(String[] args) { System.out.println("ran Annotated"); }
                }
                class Helper { }
                """);
        String[] s = run(ok);
        assertEquals("0", s[0], s[1]);
        assertTrue(s[1].contains("ran Annotated"), s[1]);
    }
}
