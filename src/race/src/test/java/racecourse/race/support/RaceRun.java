package racecourse.race.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import racecourse.race.cli.RaceCommand;

/**
 * One run of {@code racecourse race} from a test, with its exit status, output and parsed JSON report.
 *
 * @param status exit status
 * @param out the program's stdout
 * @param err the program's stderr with the reports and the command's messages
 * @param report the parsed JSON report, or null if none was written
 */
public record RaceRun(int status, String out, String err, Map<String, Object> report) {

    /** A parent command like the course's launcher, to run {@code race} as the subcommand it is there. */
    @CommandLine.Command(name = "racecourse")
    static final class Launcher implements Runnable {
        @Override
        public void run() {
        }
    }

    /** Runs the command with {@code args} (options first, then the program and its arguments). */
    @SuppressWarnings("unchecked")
    public static RaceRun of(List<String> args) throws IOException {
        Path json = Files.createTempFile("race-report", ".json");
        Files.delete(json);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("race", "--json", json.toString()));
        all.addAll(args);
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            CommandLine cl = new CommandLine(new Launcher()).addSubcommand(new RaceCommand(o, e));
            cl.setErr(new java.io.PrintWriter(e, true));
            cl.setOut(new java.io.PrintWriter(o, true));
            status = cl.execute(all.toArray(String[]::new));
        }
        Map<String, Object> report = null;
        if (Files.exists(json)) {
            report = (Map<String, Object>) Json.parse(Files.readString(json));
            Files.delete(json);
        }
        return new RaceRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                report);
    }

    /** Returns the races of the JSON report. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> races() {
        return report == null ? List.of() : (List<Map<String, Object>>) report.get("races");
    }

    /** Returns the number of distinct races of the JSON report. */
    public long count() {
        return report == null ? -1 : (Long) report.get("count");
    }

    /** Returns the first frame (the accessing line) of one side ("current", "previous") of a race. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> location(Map<String, Object> race, String side) {
        Map<String, Object> a = (Map<String, Object>) race.get(side);
        List<Map<String, Object>> stack = (List<Map<String, Object>>) a.get("stack");
        return stack.isEmpty() ? Map.of() : stack.getFirst();
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
