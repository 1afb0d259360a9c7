package racecourse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import racecourse.commandline.BuildVersion;
import racecourse.commandline.ExitCodes;

class RacecourseTests {
    private static List<CommandLine> all(CommandLine cli) {
        List<CommandLine> found = new ArrayList<>(List.of(cli));
        cli.getSubcommands().values().forEach(sub -> found.addAll(all(sub)));
        return found;
    }

    private static String path(CommandLine cli) {
        return cli.getCommandSpec().qualifiedName(" ");
    }

    @Test
    void everyCommandListsItsExitStatusesIncludingTheCrashCode() {
        for (CommandLine cli : all(Racecourse.commandLine())) {
            var codes = cli.getCommandSpec().usageMessage().exitCodeList();
            assertTrue(codes.containsKey("0") || codes.containsKey(" 0"), path(cli) + ": " + codes);
            assertTrue(codes.containsKey("70") && !codes.get("70").isBlank(), path(cli) + ": " + codes);
            StringWriter help = new StringWriter();
            cli.usage(new PrintWriter(help));
            assertTrue(help.toString().contains("Exit status:"), path(cli) + " --help has no exit statuses");
        }
    }

    @Test
    void everyCommandPrintsTheBuildVersion() {
        for (CommandLine cli : all(Racecourse.commandLine())) {
            assertTrue(cli.getCommandSpec().mixinStandardHelpOptions(), path(cli) + " has no --version");
            StringWriter out = new StringWriter();
            cli.printVersionHelp(new PrintWriter(out));
            assertTrue(out.toString().startsWith("racecourse " + BuildVersion.version()), path(cli) + ": " + out);
        }
    }

    @Test
    void everyClassPathOptionIsSpelledAsJavaSpellsIt() {
        for (CommandLine cli : all(Racecourse.commandLine())) {
            for (var option : cli.getCommandSpec().options()) {
                for (String name : option.names()) {
                    assertTrue(!name.equals("--classpath") && !name.equals("--cp"), path(cli) + " uses " + name);
                }
            }
        }
    }

    @Test
    void aBadOptionIsAUsageError() {
        CommandLine cli = Racecourse.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(ExitCodes.USAGE, cli.execute("stress", "--no-such-option"));
        assertEquals(ExitCodes.USAGE, cli.execute("stress", "--time", "soon"));
    }
}
