package racecourse.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-process API as a kernel uses it: a JVM started with the dormant agent runs {@code Race.check}
 * on racy and race-free bodies and on JShell cells ({@code demo.DriverMain}). One child JVM, about 5 s.
 */
class RaceApiTests {
    private static String output;

    @BeforeAll
    static void runDriver() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(java, "-javaagent:" + Agents.agentJar(), "-cp", cp, "demo.DriverMain")
                .redirectErrorStream(true).start();
        byte[] all = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the driver finishes");
        output = new String(all, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
    }

    private static String line(String tag) {
        return output.lines().filter(l -> l.startsWith(tag + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + tag + " line in\n" + output)).substring(tag.length() + 1);
    }

    @Test
    void theAgentIsLoadedButDormantUntilChecked() {
        assertEquals("true", line("LOADED"));
    }

    @Test
    void checkReportsTheRaceOfItsBodyOnce() {
        assertEquals("1 DriverMain.plain", line("RACY"));
        assertEquals("true true", line("TEXT"));
        assertEquals("true", line("JSON"));
    }

    @Test
    void eachCheckStartsFromNothing() {
        assertEquals("0 No data races found.", line("CLEAN"));
    }

    @Test
    void jshellCellClassesAreTrackedAndNamedReadably() {
        assertEquals("1 Tally.n", line("JSHELL"), output);
        String text = line("JSHELLTEXT");
        assertFalse(text.contains("$JShell$"), text);
        assertTrue(text.contains("(jshell:"), text);
    }

    @Test
    void withoutTheAgentCheckFailsClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Race.check(() -> { }));
        assertTrue(e.getMessage().contains("-javaagent"), e.getMessage());
    }

    @Test
    void theDormantAgentRunsAPlainLoop() {
        assertTrue(line("DORMANT").matches("\\d+ms \\d+"), output);
    }

}
