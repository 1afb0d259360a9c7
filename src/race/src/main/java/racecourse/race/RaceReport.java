package racecourse.race;

import java.util.List;
import racecourse.race.report.RaceJson;
import racecourse.race.report.RaceText;

/**
 * The races found while tracking was on, as Go-shaped text, structured records and JSON.
 * Immutable, thread-safe.
 */
public final class RaceReport {
    private final List<DataRace> races;
    private final int count;

    /** Creates a report of {@code count} distinct races of which {@code races} are kept in full. */
    public RaceReport(List<DataRace> races, int count) {
        this.races = List.copyOf(races);
        this.count = count;
    }

    /** Returns the number of distinct races (pairs of source locations) found. */
    public int count() {
        return count;
    }

    /** Returns the races kept in full (at most the report cap). */
    public List<DataRace> races() {
        return races;
    }

    /** Returns the report in Go's shape, ending with "Found N data race(s)" or "No data races found.". */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (DataRace r : races) {
            b.append(RaceText.race(r));
        }
        return b.append(RaceText.summary(count, races.size())).toString();
    }

    /** Returns the report as JSON (schema in docs/race.md). */
    public String toJson() {
        return RaceJson.report(races, count, true);
    }

    @Override
    public String toString() {
        return text();
    }
}
