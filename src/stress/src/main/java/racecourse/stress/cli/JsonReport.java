package racecourse.stress.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import racecourse.stress.OutcomeCount;
import racecourse.stress.StressResult;

/**
 * Writes results as {@code {"tests": [{"name", "samples", "seconds", "outcomes": [{"id", "count", "expect",
 * "desc"}]}]}}. Thread-safe (stateless).
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** The JSON text of the results. */
    public static String toJson(List<StressResult> results) {
        StringBuilder out = new StringBuilder("{\"tests\": [");
        for (int i = 0; i < results.size(); i++) {
            StressResult r = results.get(i);
            if (i > 0) out.append(',');
            out.append("\n  {\"name\": ").append(quote(r.name()))
                    .append(", \"samples\": ").append(r.samples())
                    .append(", \"seconds\": ").append(String.format(Locale.ROOT, "%.3f", r.wallTime().toNanos() / 1e9))
                    .append(", \"outcomes\": [");
            List<OutcomeCount> outcomes = r.outcomes();
            for (int j = 0; j < outcomes.size(); j++) {
                OutcomeCount o = outcomes.get(j);
                if (j > 0) out.append(", ");
                out.append("{\"id\": ").append(quote(o.id())).append(", \"count\": ").append(o.count())
                        .append(", \"expect\": ").append(quote(o.expect().name()))
                        .append(", \"desc\": ").append(quote(o.description())).append('}');
            }
            out.append("]}");
        }
        return out.append("\n]}\n").toString();
    }

    /** Writes the JSON file, creating its directory. */
    public static void write(Path file, List<StressResult> results) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, toJson(results));
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
