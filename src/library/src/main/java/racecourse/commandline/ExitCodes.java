package racecourse.commandline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The one exit-status table of every {@code racecourse} command, for scripts: 0 ok or nothing found, 1 a verdict
 * that found something (a forbidden outcome, not full marks), 2 a usage, input or compile error, 66 a data race
 * found, 70 an internal crash. The {@code LINE_*} constants are the {@code exitCodeList} entries the commands show
 * in {@code --help}. Thread-safe (constants and static methods only).
 */
public final class ExitCodes {
    /** Success: the command did its job and found nothing to report. */
    public static final int OK = 0;
    /** A verdict that found something: a forbidden outcome, a failed check, not full marks. */
    public static final int FOUND = 1;
    /** A usage error, bad input or a compile error: nothing was run. */
    public static final int USAGE = 2;
    /** The race detector found at least one data race. */
    public static final int RACE = 66;
    /** An internal crash (sysexits.h's EX_SOFTWARE): never a verdict. */
    public static final int CRASH = 70;

    /** The heading of the exit-status section in {@code --help}. */
    public static final String HEADING = "%nExit status:%n";
    /** {@code --help} line for status 0. */
    public static final String LINE_OK = "0:success; nothing found";
    /** {@code --help} line for status 2. */
    public static final String LINE_USAGE = "2:usage error, bad input or compile error (nothing was run)";
    /** {@code --help} line for status 66. */
    public static final String LINE_RACE = "66:a data race was found";
    /** {@code --help} line for status 70. */
    public static final String LINE_CRASH = "70:internal error in racecourse (a bug: please report it)";

    private ExitCodes() {
    }

    /**
     * Makes {@code cli} and all its subcommands follow the table: an exception escaping a command exits
     * {@link #CRASH} with a one-line message (the stack trace too when {@code RACECOURSE_DEBUG} is set), a usage
     * error exits {@link #USAGE}, a command that lists no exit statuses of its own shows the common ones, and the
     * top-level command shows the whole {@link #table()}.
     */
    public static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("racecourse " + line.getCommandName() + ": internal error: " + e);
            if (System.getenv("RACECOURSE_DEBUG") != null) e.printStackTrace(line.getErr());
            line.getErr().flush();
            return CRASH;
        });
        describe(cli);
        if (cli.getParent() == null) cli.getCommandSpec().usageMessage().exitCodeList(table());
        return cli;
    }

    /** The whole table as {@code exitCodeList} entries, for the top-level command's {@code --help}. */
    public static Map<String, String> table() {
        return entries(List.of(LINE_OK, "1:a verdict found something (stress, jcstress, grade): see each command",
                LINE_USAGE, LINE_RACE + " (race)", LINE_CRASH));
    }

    private static void describe(CommandLine cli) {
        var usage = cli.getCommandSpec().usageMessage();
        if (usage.exitCodeList().isEmpty()) usage.exitCodeListHeading(HEADING).exitCodeList(entries(List.of(LINE_OK, LINE_USAGE, LINE_CRASH)));
        cli.getSubcommands().values().forEach(ExitCodes::describe);
    }

    private static Map<String, String> entries(List<String> lines) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            map.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return map;
    }
}
