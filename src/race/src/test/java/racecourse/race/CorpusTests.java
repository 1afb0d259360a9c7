package racecourse.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import racecourse.race.support.RaceRun;

/**
 * Runs every program of the labelled corpus ({@code src/test/corpus}) once under the detector and checks
 * its label: a race-free program reports nothing and keeps its exit status; a racy one exits 66 and
 * reports each expected race, naming the variable and both source lines.
 *
 * <p>Deterministic: a happens-before detector reports unordered accesses whether or not they collided in
 * time, so one run suffices and there is no retry. Budget: about 3 s per program (a JVM each), two at a
 * time, under 3 minutes for the corpus on 2 cores.
 */
class CorpusTests {
    private static final Path CORPUS = Path.of("src/test/corpus");
    private static final Pattern RACE = Pattern.compile("// expect: race (.+) lines ([0-9,]+)");
    private static final Pattern NO_RACE = Pattern.compile("// expect: no race");

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<Path> programs;
        try (Stream<Path> s = Files.list(CORPUS)) {
            programs = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(programs.size() >= 40, "the corpus holds at least 40 programs");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<RaceRun>> runs = new ArrayList<>();
        for (Path p : programs) {
            // a program that hangs ends at the deadline (status 124) and fails its check, not the whole suite
            runs.add(pool.submit(() -> RaceRun.of(List.of("--timeout", "3m", p.toString()))));
        }
        pool.shutdown();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            Path p = programs.get(i);
            Future<RaceRun> run = runs.get(i);
            tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p, run.get())));
        }
        return tests.stream();
    }

    private static void check(Path program, RaceRun run) throws IOException {
        List<String> labels = Files.readAllLines(program).stream().filter(l -> l.startsWith("// expect:")).toList();
        assertTrue(!labels.isEmpty(), program + " has an expect label");
        String file = program.getFileName().toString();
        if (NO_RACE.matcher(labels.getFirst()).matches()) {
            assertEquals(0, run.count(), () -> "a race-free program reports no race\n" + run);
            assertEquals(0, run.status(), () -> "a race-free program keeps its own status\n" + run);
            return;
        }
        assertEquals(66, run.status(), () -> "a racy program exits 66\n" + run);
        assertTrue(run.err().contains("WARNING: DATA RACE"), () -> "the report is printed\n" + run);
        for (String label : labels) {
            Matcher m = RACE.matcher(label);
            assertTrue(m.matches(), "label format: " + label);
            String variable = m.group(1);
            Set<Long> lines = new TreeSet<>();
            for (String n : m.group(2).split(",")) {
                lines.add(Long.parseLong(n));
            }
            boolean found = false;
            for (Map<String, Object> r : run.races()) {
                Map<String, Object> cur = RaceRun.location(r, "current");
                Map<String, Object> prev = RaceRun.location(r, "previous");
                Set<Long> got = new TreeSet<>();
                got.add((Long) cur.get("line"));
                got.add((Long) prev.get("line"));
                if (variable.equals(r.get("variable")) && lines.equals(got) && file.equals(cur.get("file"))
                        && file.equals(prev.get("file"))) {
                    found = true;
                }
            }
            boolean f = found;
            assertTrue(f, () -> "expected race on " + variable + " at lines " + lines + "\n" + run);
        }
    }
}
