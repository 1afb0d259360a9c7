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

    // a side is done by a thread, `by thread "name" (#id)`, or by a pool task, `by pool task (run by thread "name" (#id))`
    private static final Pattern ACCESS = Pattern.compile(
            "^(Previous )?(?i:(read|write)) at (\\S+) by (pool task \\(run by )?thread \"([^\"]*)\".*");
    private static final Pattern CREATED = Pattern.compile(
            "^(?:Thread|Pool task \\(run by thread) \"([^\"]*)\".* (created|submitted) at:.*");
    private static final Pattern FOLDED = Pattern.compile("^… \\d+ JDK frames?$");

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
                String who = access.group(4) == null ? "thread " + access.group(5)
                        : "a pool task run by thread " + access.group(5);
                section = "access";
                firstFrame = true;
                meaning = access.group(1) == null
                        ? "the access that raced: a " + op + " of " + access.group(3) + " by " + who
                                + "; its stack follows, innermost call first"
                        : "the earlier access it conflicts with: a " + op + " of the same variable by " + who
                                + ", with no happens-before edge between the two";
            } else if (created.matches()) {
                boolean task = created.group(2).equals("submitted");
                section = task ? "submitted" : "created";
                firstFrame = true;
                meaning = task
                        ? "where the pool task run by thread " + created.group(1) + " was handed to its pool; its"
                                + " stack follows"
                        : "where thread " + created.group(1) + " was started; its stack follows";
            } else if (line.startsWith("Found ")) {
                meaning = "the summary: how many distinct races (pairs of code locations) the run had";
            } else if (FOLDED.matcher(line).matches()) {
                meaning = "calls inside the JDK, folded into one line";
            } else if (firstFrame) {
                firstFrame = false;
                meaning = switch (section) {
                    case "created" -> "the call that started the thread";
                    case "submitted" -> "the call that submitted the task";
                    default -> "the line that made the access: start reading here";
                };
            } else {
                meaning = line.startsWith("java.lang.Thread.run") ? "the bottom of the thread's stack"
                        : "called from here";
            }
            lines.add(new Line(line, meaning));
        }
        return lines;
    }
}
