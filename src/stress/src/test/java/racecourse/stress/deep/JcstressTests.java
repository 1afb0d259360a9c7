package racecourse.stress.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.stress.StressResult;
import racecourse.stress.Verdict;
import racecourse.stress.compile.SourceCompiler;

class JcstressTests {
    @Test
    void parsesTheFinalReport() {
        List<String> lines = List.of("RUN RESULTS:", "", "..... [OK] demo.SB", "", "  Results across all configurations:", "",
                "  RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION",
                "    0, 0  196,140,293   53.20%  Interesting  both early",
                "    0, 1   77,590,110   21.04%   Acceptable  one first",
                "    1, 1        3,155   <0.01%   Acceptable  both stores", "", "..... [FAILED] demo.Other", "",
                "  Results across all configurations:", "",
                "  RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION",
                "       1           12    0.01%    Forbidden  lost", "       2      100,000   99.99%   Acceptable  fine");
        List<JcstressOutput.TestReport> reports = JcstressOutput.parse(lines);
        assertEquals(2, reports.size());
        assertEquals("demo.SB", reports.get(0).name());
        assertEquals(196_140_293L + 77_590_110L + 3_155L, reports.get(0).samples());
        StressResult r = JcstressOutput.toResult(reports.get(1), java.time.Duration.ofSeconds(1), 2, false);
        assertEquals(Verdict.FORBIDDEN, r.verdict());
        assertEquals(12, r.count("1"));
    }

    /**
     * One real deep run in jcstress's shortest preset (sanity), about 15 s on 2 cores: checks that the class is
     * compiled with the processor, forked, and parsed into the same result type.
     */
    @Test
    void deepRunOfSourceText() throws Exception {
        String source = """
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
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("deep-test");
        java.nio.file.Path file = Jcstress.writeSource(dir, source);
        Jcstress.Run run = Jcstress.run(Jcstress.Options.defaults().mode("sanity"), List.of(file),
                SourceCompiler.runtimeClassPath(), List.of());
        assertEquals(1, run.results().size(), () -> run.output().stream().map(Jcstress.Line::text).reduce("", (a, b) -> a + "\n" + b));
        StressResult r = run.results().getFirst();
        assertEquals("SB", r.name());
        assertEquals("jcstress", r.source());
        assertTrue(r.samples() > 0, r::report);
        assertTrue(r.verdict() != Verdict.FORBIDDEN, r::report);
    }
}
