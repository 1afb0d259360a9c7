package racecourse.stress.deep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.TestGrading;

/**
 * Reads the binary results file jcstress 0.16 writes ({@code jcstress-results-*.bin.gz}) with jcstress's own reader
 * ({@link DiskReadCollector}), merges each test's configurations as jcstress's report does, and grades the counts
 * with jcstress's {@link TestGrading}. It runs inside the class loader {@link JcstressResults} builds over the run's
 * classes (jcstress finds a test's outcomes through the {@code META-INF/TestList} on its class path), so it
 * returns plain Java values only. Thread-safe (stateless).
 */
public final class JcstressResultFile {
    private JcstressResultFile() {
    }

    /**
     * The tests in {@code file}, in the order first seen: each a map with {@code name}, {@code status} (jcstress's
     * {@link Status} name), {@code messages} ({@code List<String>}) and {@code outcomes}, a list of maps with
     * {@code id}, {@code expect} (an {@code Expect} name), {@code count} ({@code Long}) and {@code description}.
     */
    public static List<Map<String, Object>> read(String file) throws Exception {
        Map<String, List<TestResult>> byTest = new LinkedHashMap<>();
        DiskReadCollector reader = new DiskReadCollector(file, r -> byTest.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(r));
        try {
            reader.dump();
        } finally {
            reader.close();
        }
        List<Map<String, Object>> tests = new ArrayList<>();
        for (Map.Entry<String, List<TestResult>> e : byTest.entrySet()) tests.add(merged(e.getKey(), e.getValue()));
        return tests;
    }

    private static Map<String, Object> merged(String name, List<TestResult> configurations) {
        Status status = Status.NORMAL;
        TestResult all = null;
        List<String> messages = new ArrayList<>();
        for (TestResult r : configurations) {
            status = status.combine(r.status());
            if (all == null) {
                all = new TestResult(Status.NORMAL);
                all.setConfig(r.getConfig());
            }
            all.addState(r.getCounter());
            for (String m : r.getMessages()) if (!messages.contains(m)) messages.add(m);
        }
        List<Map<String, Object>> outcomes = new ArrayList<>();
        TreeMap<String, GradingResult> graded = TestGrading.grade(all).gradingResults;
        for (GradingResult g : graded.values()) {
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("id", g.id);
            outcome.put("expect", g.expect.name());
            outcome.put("count", g.count);
            outcome.put("description", g.description == null ? "" : g.description);
            outcomes.add(outcome);
        }
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", name);
        test.put("status", status.name());
        test.put("messages", messages);
        test.put("outcomes", outcomes);
        return test;
    }
}
