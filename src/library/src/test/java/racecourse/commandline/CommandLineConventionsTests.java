package racecourse.commandline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

class CommandLineConventionsTests {
    @Command(name = "top", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
            scope = ScopeType.INHERIT, subcommands = {Boom.class, Opts.class})
    static final class Top implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("kaput");
        }
    }

    @Command(name = "opts", exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.LINE_OK, "1:found"})
    static final class Opts implements Callable<Integer> {
        @Mixin
        ClassPathOption cp;
        @Mixin
        TimeBudgetOption time = new TimeBudgetOption("1.5s");
        @Mixin
        JobsOption jobs = new JobsOption(2);
        @Mixin
        SeedOption seed;
        @Mixin
        JsonOutputOption json;

        @Override
        public Integer call() {
            System.setProperty("rc.test.opts", cp.entries() + " " + time.time().toMillis() + " " + jobs.jobs() + " "
                    + seed.seed() + " " + json.file());
            return 0;
        }
    }

    record Outcome(int status, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ExitCodes.configure(new CommandLine(new Top()));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    @Test
    void aCrashExitsSeventyNotTwo() {
        Outcome o = run("boom");
        assertEquals(ExitCodes.CRASH, o.status());
        assertTrue(o.err().contains("racecourse boom: internal error: java.lang.IllegalStateException: kaput"), o.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(ExitCodes.USAGE, run("opts", "--no-such-option").status());
        assertEquals(ExitCodes.USAGE, run("opts", "--jobs", "0").status());
        Outcome badTime = run("opts", "--time", "soon");
        assertEquals(ExitCodes.USAGE, badTime.status());
        assertTrue(badTime.err().contains("'soon' is not a duration"), badTime.err());
    }

    @Test
    void everySubcommandInheritsVersionAndShowsExitStatuses() {
        Outcome v = run("boom", "--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("racecourse " + BuildVersion.version()), v.out());
        String boomHelp = run("boom", "--help").out();
        assertTrue(boomHelp.contains("Exit status:") && boomHelp.matches("(?s).*70\\s+internal error.*"), boomHelp);
        String optsHelp = run("opts", "--help").out();
        assertTrue(optsHelp.matches("(?s).*\\n\\s+1\\s+found.*") && optsHelp.contains("-cp, --class-path=CLASSPATH"), optsHelp);
        assertTrue(optsHelp.contains("(default: 1.5s)") && optsHelp.contains("(default: 2)"), optsHelp);
        assertTrue(run("--help").out().matches("(?s).*66\\s+a data race was found.*"));
    }

    @Test
    void mixinsCarryTheirValues() {
        assertEquals(0, run("opts", "-cp", "a.jar" + java.io.File.pathSeparator + "b", "--time", "250ms", "--jobs",
                "3", "--seed", "7", "--json", "r.json").status());
        assertEquals("[a.jar, b] 250 3 7 r.json", System.getProperty("rc.test.opts"));
        assertEquals(0, run("opts").status());
        assertEquals("[] 1500 2 null null", System.getProperty("rc.test.opts"));
    }

    @Test
    void durationsAcceptTheUsualForms() {
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2min"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertEquals(Duration.ofSeconds(7), Durations.parse("7"));
        assertEquals(Duration.ofSeconds(30), Durations.parse(" 30 S "));
        for (String bad : new String[] {"soon", "-1s", "", "1.s", "2d"}) {
            assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
        }
        assertThrows(CommandLine.TypeConversionException.class, () -> new Durations().convert("x"));
    }
}
