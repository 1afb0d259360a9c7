package racecourse.patterns.clocks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one race report of the course's detector line by line and says what each line means, for lesson 8's
 * walk through a real report. Thread-safe (no state).
 */
public final class ReportLines {
    /**
     * One line of a report and what it means.
     *
     * @param line the line as printed
     * @param meaning what it tells the reader
     */
    public record Line(String line, String meaning) {
    }

    private static final Pattern ACCESS = Pattern.compile("^(Previous )?(?i:(read|write)) at (\\S+) by thread \"([^\"]*)\".*");
    private static final Pattern CREATED = Pattern.compile("^Thread \"([^\"]*)\".* created at:.*");

    private ReportLines() {
    }

    /** Every non-blank line of {@code report} (one block of {@link DetectorRun#reports}) with its meaning. */
    public static List<Line> explain(String report) {
        List<Line> lines = new ArrayList<>();
        String section = "";
        boolean firstFrame = false;
        for (String raw : report.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            Matcher access = ACCESS.matcher(line);
            Matcher created = CREATED.matcher(line);
            String meaning;
            if (line.equals("WARNING: DATA RACE")) {
                meaning = "one race: two accesses to one variable, at least one a write, that nothing orders";
            } else if (access.matches()) {
                String op = access.group(2).toLowerCase();
                section = "access";
                firstFrame = true;
                meaning = access.group(1) == null
                        ? "the access that raced: a " + op + " of " + access.group(3) + " by thread "
                                + access.group(4) + "; its stack follows, innermost call first"
                        : "the earlier access it conflicts with: a " + op + " of the same variable by thread "
                                + access.group(4) + ", with no happens-before edge between the two";
            } else if (created.matches()) {
                section = "created";
                firstFrame = true;
                meaning = "where thread " + created.group(1) + " was started; its stack follows";
            } else if (line.startsWith("Found ")) {
                meaning = "the summary: how many distinct races (pairs of code locations) the run had";
            } else if (firstFrame) {
                firstFrame = false;
                meaning = section.equals("created") ? "the call that started the thread"
                        : "the line that made the access: start reading here";
            } else {
                meaning = line.startsWith("java.lang.Thread.run") ? "the bottom of the thread's stack"
                        : "called from here";
            }
            lines.add(new Line(line, meaning));
        }
        return lines;
    }
}
