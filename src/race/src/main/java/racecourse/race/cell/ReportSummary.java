package racecourse.race.cell;

import java.util.Map;
import racecourse.json.Json;

/**
 * The two facts a caller needs from the agent's JSON report: how many races, and whether the report was closed
 * normally. Immutable, thread-safe.
 *
 * @param count distinct races found
 * @param complete whether the program ended normally and the agent closed the report
 */
public record ReportSummary(int count, boolean complete) {
    /** Reads a report; a file that is not a report (or was cut short) reads as zero races, incomplete. */
    public static ReportSummary read(String json) {
        try {
            if (!(Json.parse(json) instanceof Map<?, ?> o)) return new ReportSummary(0, false);
            int count = o.get("count") instanceof Number n ? n.intValue() : 0;
            boolean complete = Boolean.TRUE.equals(o.get("complete"));
            return new ReportSummary(count, complete);
        } catch (Json.JsonException e) {
            return new ReportSummary(0, false);
        }
    }
}
