package racecourse.jmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code racecourse jmm}: output and exit codes. */
class JmmCommandTests {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new JmmCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void noArgumentsPrintsTheClassicGrid() {
        assertEquals(0, run());
        assertTrue(out.toString().contains("CoRR          forbidden    forbidden    forbidden    allowed"), out.toString());
    }

    @Test
    void namedTestsPrintVerdictsAndJson() {
        assertEquals(0, run("--json", "SB", "mp"));
        JsonArray tests = JsonParser.parseString(out.toString()).getAsJsonArray();
        assertEquals(2, tests.size());
        var sbModels = tests.get(0).getAsJsonObject().getAsJsonArray("models");
        assertEquals("forbidden", sbModels.get(0).getAsJsonObject().get("verdict").getAsString());
        assertEquals("allowed", sbModels.get(1).getAsJsonObject().get("verdict").getAsString());
        assertTrue(sbModels.get(0).getAsJsonObject().getAsJsonArray("cycle").size() > 0);
    }

    @Test
    void aTestFileIsReadAndItsMistakesReported(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("mp.litmus");
        Files.writeString(good, "test MP+rel+acq\nA: x = 1; y.release = 1\nB: r0 = y.acquire; r1 = x\nexists r0=1 && r1=0\n");
        assertEquals(0, run("-f", good.toString(), "--witness"));
        assertTrue(out.toString().contains("ARMv8     forbidden"), out.toString());
        assertTrue(out.toString().contains("No run of the x86-TSO store-buffer machine reaches"), out.toString());
        Path bad = dir.resolve("bad.litmus");
        Files.writeString(bad, "A: x = 1; r0 = \nexists r0=1\n");
        assertEquals(2, run("-f", bad.toString()));
        assertTrue(err.toString().contains("line 1"), err.toString());
    }

    @Test
    void unknownNamesAndOptionsAreUsageErrors() {
        assertEquals(2, run("NOPE"));
        assertTrue(err.toString().contains("no test named 'NOPE'"));
        assertEquals(2, run("--no-such-option"));
    }
}
