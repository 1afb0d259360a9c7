package racecourse.stress.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.stress.StressResult;
import racecourse.stress.Verdict;
import racecourse.stress.compile.SourceCompiler;

class JcstressTests {
    @Test
    void turnsJcstressGradingIntoAResult() {
        Map<String, Object> test = Map.of("name", "demo.Other", "status", "NORMAL", "messages", List.of("m1"),
                "outcomes", List.of(
                        Map.of("id", "1", "expect", "FORBIDDEN", "count", 12L, "description", "lost"),
                        Map.of("id", "2", "expect", "ACCEPTABLE", "count", 100_000L, "description", "fine")));
        StressResult r = JcstressResults.toResult(test, java.time.Duration.ofSeconds(1), 2, false);
        assertEquals(Verdict.FORBIDDEN, r.verdict());
        assertEquals(12, r.count("1"));
        assertEquals(100_012, r.samples());
        assertTrue(r.report().contains("jcstress: m1"), r.report());
    }

    @Test
    void aFileThatIsNotJcstressResultsGivesAClearError(@TempDir Path dir) throws Exception {
        Path bogus = Files.writeString(dir.resolve("jcstress-results-x.bin.gz"), "not gzip");
        assertEquals(java.util.Optional.of(bogus), JcstressResults.file(dir));
        IOException e = assertThrows(IOException.class,
                () -> JcstressResults.read(bogus, dir, java.time.Duration.ZERO, 1, false));
        assertTrue(e.getMessage().contains("could not read " + bogus), e.getMessage());
    }

    /**
     * One real deep run in jcstress's shortest preset (sanity), about 15 s on 2 cores: checks that the class is
     * compiled with the processor, forked, and its results file read into the same result type.
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
