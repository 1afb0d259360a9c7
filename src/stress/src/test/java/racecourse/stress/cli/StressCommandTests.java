package racecourse.stress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import racecourse.json.Json;

class StressCommandTests {
    record Outcome(int status, String out, String err) {
    }

    static Outcome run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    static final String SB = """
            import org.openjdk.jcstress.annotations.*;
            import org.openjdk.jcstress.infra.results.II_Result;

            @JCStressTest
            @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = Expect.ACCEPTABLE, desc = "ordered")
            @Outcome(id = "0, 0", expect = Expect.ACCEPTABLE_INTERESTING, desc = "both early")
            @State
            public class SB {
                int x, y;
                @Actor public void a1(II_Result r) { x = 1; r.r1 = y; }
                @Actor public void a2(II_Result r) { y = 1; r.r2 = x; }
            }
            """;

    @Test
    void sourceRunsAndWritesJson(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("SB.java");
        Files.writeString(src, SB);
        Path json = dir.resolve("out/r.json");
        Outcome o = run(new StressCommand(), "--source", src.toString(), "--time", "300ms", "--seed", "3",
                "--json", json.toString());
        assertEquals(0, o.status(), o.err() + o.out());
        assertTrue(o.out().contains("RESULT"), o.out());
        String text = Files.readString(json);
        List<?> tests = (List<?>) Json.parseObject(text).get("tests");
        Map<?, ?> sb = (Map<?, ?>) tests.getFirst();
        assertEquals("SB", sb.get("name"), text);
        assertTrue(((Number) sb.get("samples")).longValue() > 0, text);
        Map<?, ?> bothEarly = ((List<?>) sb.get("outcomes")).stream().map(x -> (Map<?, ?>) x)
                .filter(x -> "0, 0".equals(x.get("id"))).findFirst().orElseThrow();
        assertEquals("ACCEPTABLE_INTERESTING", bothEarly.get("expect"), text);
        assertTrue(bothEarly.get("count") instanceof Long, text);
    }

    @Test
    void forbiddenOutcomeExitsOne() {
        Outcome o = run(new StressCommand(), "--time", "200ms", "racecourse.stress.fixtures.Fixtures$AlwaysForbidden");
        assertEquals(1, o.status(), o.err() + o.out());
        assertTrue(o.out().contains("FORBIDDEN outcome seen"), o.out());
    }

    @Test
    void notATestExitsTwo() {
        Outcome o = run(new StressCommand(), "racecourse.stress.fixtures.Fixtures$NotATest");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("is not a jcstress test"), o.err());
    }

    @Test
    void unknownClassExitsTwo() {
        Outcome o = run(new StressCommand(), "no.such.Test");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("class not found: no.such.Test"), o.err());
    }

    @Test
    void compileErrorExitsTwoWithCompilerMessage(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("Broken.java");
        Files.writeString(src, "public class Broken { int x = ; }\n");
        Outcome o = run(new StressCommand(), "--source", src.toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains("compile error") && o.err().contains("Broken.java:1"), o.err());
    }

    @Test
    void badDurationExitsTwo() {
        Outcome o = run(new StressCommand(), "--time", "soon", "racecourse.stress.fixtures.Fixtures$Constant");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("not a duration"), o.err());
    }

    @Test
    void jcstressCommandRejectsBadInputBeforeForking() {
        assertEquals(2, run(new JcstressCommand(), "racecourse.stress.fixtures.Fixtures$NotATest").status());
        assertEquals(2, run(new JcstressCommand(), "--mode", "forever", "racecourse.stress.fixtures.Fixtures$Constant").status());
    }
}
