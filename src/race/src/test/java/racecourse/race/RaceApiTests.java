package racecourse.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import racecourse.process.ChildJvm;
import racecourse.process.ProcessResult;
import racecourse.process.ProcessRunner;

/**
 * The in-process API as a kernel uses it: a JVM started with the dormant agent runs {@code Race.check}
 * on racy and race-free bodies and on JShell cells ({@code demo.DriverMain}). One child JVM, about 5 s.
 */
class RaceApiTests {
    private static String output;

    @BeforeAll
    static void runDriver() throws IOException, InterruptedException {
        ProcessResult result = ProcessRunner.of(ChildJvm.javaCommand(), "-javaagent:" + Agents.agentJar(), "-cp",
                System.getProperty("java.class.path"), "demo.DriverMain").mergeStderr()
                .timeout(Duration.ofSeconds(60)).run();
        output = result.out();
        assertFalse(result.timedOut(), "the driver finishes");
        assertEquals(0, result.exitCode(), output);
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
