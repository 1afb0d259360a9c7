package racecourse.stress.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racecourse.json.Json;
import racecourse.stress.OutcomeCount;
import racecourse.stress.StressResult;

/**
 * Writes results as {@code {"tests": [{"name", "samples", "seconds", "outcomes": [{"id", "count", "expect",
 * "desc"}]}]}}, written with {@link Json}. Thread-safe (stateless).
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** The JSON text of the results. */
    public static String toJson(List<StressResult> results) {
        List<Object> tests = new ArrayList<>();
        for (StressResult r : results) {
            List<Object> outcomes = new ArrayList<>();
            for (OutcomeCount o : r.outcomes()) {
                Map<String, Object> outcome = new LinkedHashMap<>();
                outcome.put("id", o.id());
                outcome.put("count", o.count());
                outcome.put("expect", o.expect().name());
                outcome.put("desc", o.description());
                outcomes.add(outcome);
            }
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("name", r.name());
            test.put("samples", r.samples());
            test.put("seconds", Math.round(r.wallTime().toNanos() / 1e6) / 1e3);
            test.put("outcomes", outcomes);
            tests.add(test);
        }
        return Json.pretty(Map.of("tests", tests), 2);
    }

    /** Writes the JSON file, creating its directory. */
    public static void write(Path file, List<StressResult> results) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, toJson(results));
    }
}
