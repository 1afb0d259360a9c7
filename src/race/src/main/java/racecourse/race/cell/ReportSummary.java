package racecourse.race.cell;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

/**
 * The two facts a caller needs from the agent's JSON report: how many races, and whether the report was closed
 * normally. Immutable, thread-safe.
 *
 * @param count distinct races found
 * @param complete whether the program ended normally and the agent closed the report
 */
public record ReportSummary(int count, boolean complete) {
    /** Reads a report; a file that is not a report reads as zero races, incomplete. */
    public static ReportSummary read(String json) {
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) return new ReportSummary(0, false);
            JsonObject o = e.getAsJsonObject();
            int count = o.has("count") ? o.get("count").getAsInt() : 0;
            boolean complete = o.has("complete") && o.get("complete").getAsBoolean();
            return new ReportSummary(count, complete);
        } catch (JsonSyntaxException | IllegalStateException | NumberFormatException | UnsupportedOperationException e) {
            return new ReportSummary(0, false);
        }
    }
}
