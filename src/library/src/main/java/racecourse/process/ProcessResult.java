package racecourse.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a child process did. When its output went over the runner's cap, the text kept ends with a note saying how
 * many bytes were left out, and {@link #outDropped()}/{@link #errDropped()} count them. Immutable, hence
 * thread-safe.
 *
 * @param command the command that ran
 * @param exitCode its exit status, or -1 when it was killed at the timeout
 * @param timedOut whether the timeout ended it
 * @param out what it wrote to standard output (empty when the output was inherited or merged elsewhere)
 * @param err what it wrote to standard error (empty when inherited or merged into standard output)
 * @param outDropped bytes of standard output beyond the cap, not kept
 * @param errDropped bytes of standard error beyond the cap, not kept
 * @param elapsed wall time from start to exit
 */
public record ProcessResult(List<String> command, int exitCode, boolean timedOut, String out, String err,
        long outDropped, long errDropped, Duration elapsed) {

    /** A result as a process with this exit status and output would give (for tests and replays). */
    public static ProcessResult of(int exitCode, String out, String err, Duration elapsed) {
        return new ProcessResult(List.of(), exitCode, false, out, err, 0, 0, elapsed);
    }

    /** Copies the command list. */
    public ProcessResult {
        command = List.copyOf(command);
    }

    /** Whether it exited by itself with status 0. */
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** Throws a {@link ProcessException} with the end of its output unless it exited by itself with status 0. */
    public ProcessResult orThrow() {
        if (ok()) return this;
        String what = command.isEmpty() ? "the child process" : "'" + String.join(" ", command) + "'";
        String why = timedOut ? " was killed after " + elapsed.toMillis() + " ms" : " exited with " + exitCode;
        throw new ProcessException(what + why + ":\n" + tail(err + out, 4000));
    }

    /** The {@code key=value} pairs of every standard-output line that starts with {@code prefix}, in order. */
    public List<Map<String, String>> records(String prefix) {
        List<Map<String, String>> all = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.startsWith(prefix)) continue;
            Map<String, String> fields = new LinkedHashMap<>();
            for (String part : line.substring(prefix.length()).trim().split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq > 0) fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
            all.add(fields);
        }
        return all;
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
    }
}
