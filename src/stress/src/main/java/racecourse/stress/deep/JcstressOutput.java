package racecourse.stress.deep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jcstress.annotations.Expect;
import racecourse.stress.OutcomeCount;
import racecourse.stress.StressResult;

/**
 * Reads the text jcstress 0.16 prints with {@code -v}: for each test, the status line ({@code ..... [OK] name})
 * and the {@code Results across all configurations} table. Thread-safe (stateless).
 */
public final class JcstressOutput {
    private static final Pattern STATUS = Pattern.compile("^\\.{3,}\\s+\\[([A-Z_ ]+)]\\s+(\\S+)\\s*$");
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(.+?)\\s+([\\d,]+)\\s+([<>]?[\\d.]+%)\\s+(Acceptable|Interesting|Forbidden|Unknown)\\s*(.*)$");
    private static final Pattern HEADER = Pattern.compile("^\\s*RESULT\\s+SAMPLES\\s+FREQ\\s+EXPECT\\s+DESCRIPTION\\s*$");

    private JcstressOutput() {
    }

    /** One test's block in the final report. */
    public record TestReport(String name, String status, List<OutcomeCount> outcomes, List<String> messages) {
        /** Samples over all configurations. */
        public long samples() {
            return outcomes.stream().mapToLong(OutcomeCount::count).sum();
        }
    }

    /** The per-test blocks of the final report, in printed order. */
    public static List<TestReport> parse(List<String> lines) {
        Map<String, TestReport> reports = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("RUN RESULTS:")) start = i;
        }
        for (int i = start; i < lines.size(); i++) {
            Matcher status = STATUS.matcher(lines.get(i));
            if (!status.matches()) continue;
            String name = status.group(2);
            List<OutcomeCount> outcomes = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            int j = i + 1;
            boolean inTable = false;
            boolean inMessages = false;
            for (; j < lines.size() && !STATUS.matcher(lines.get(j)).matches(); j++) {
                String line = lines.get(j);
                if (line.strip().startsWith("Results across all configurations")) {
                    inTable = true;
                    continue;
                }
                if (line.strip().equals("Messages:")) {
                    inTable = false;
                    inMessages = true;
                    continue;
                }
                if (line.startsWith("  HTML report generated")) break;
                if (inTable && !HEADER.matcher(line).matches()) {
                    Matcher row = ROW.matcher(line);
                    if (row.matches()) {
                        outcomes.add(new OutcomeCount(row.group(1).strip(), Long.parseLong(row.group(2).replace(",", "")),
                                expect(row.group(4)), row.group(5).strip()));
                    }
                } else if (inMessages && !line.isBlank() && messages.size() < 20) {
                    messages.add(line.strip());
                }
            }
            reports.put(name, new TestReport(name, status.group(1).strip(), outcomes, messages));
            i = j - 1;
        }
        return new ArrayList<>(reports.values());
    }

    /** The expectation jcstress prints ("Acceptable", "Interesting", "Forbidden", "Unknown"). */
    public static Expect expect(String printed) {
        return switch (printed) {
            case "Acceptable" -> Expect.ACCEPTABLE;
            case "Interesting" -> Expect.ACCEPTABLE_INTERESTING;
            case "Forbidden" -> Expect.FORBIDDEN;
            default -> Expect.UNKNOWN;
        };
    }

    /** A test's block as a {@link StressResult} with source {@code "jcstress"}. */
    public static StressResult toResult(TestReport report, Duration wallTime, int testsInRun, boolean interrupted) {
        List<String> warnings = new ArrayList<>();
        if (!report.status().equals("OK")) warnings.add("jcstress status: " + report.status());
        warnings.addAll(report.messages().stream().limit(3).map(m -> "jcstress: " + m).toList());
        if (testsInRun > 1) {
            warnings.add("wall time is that of the whole jcstress run (" + testsInRun + " tests, forks included)");
        }
        return new StressResult(report.name(), "jcstress", "", report.outcomes(), report.samples(), wallTime,
                interrupted, warnings, 0, Map.of());
    }
}
