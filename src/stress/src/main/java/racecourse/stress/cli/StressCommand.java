package racecourse.stress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.commandline.ClassPathOption;
import racecourse.commandline.ExitCodes;
import racecourse.commandline.JsonOutputOption;
import racecourse.commandline.SeedOption;
import racecourse.commandline.TimeBudgetOption;
import racecourse.stress.Stress;
import racecourse.stress.StressOptions;
import racecourse.stress.StressResult;
import racecourse.stress.Verdict;

/**
 * {@code racecourse stress}: runs jcstress tests in-process and prints a jcstress-like table per test. Exit
 * status 0 when no forbidden outcome was seen, 1 when one was (or a test threw), 2 for bad input, as in
 * {@link ExitCodes}. Not
 * thread-safe (one command object per invocation).
 */
@Command(name = "stress", mixinStandardHelpOptions = true,
        description = "Runs @JCStressTest classes in this JVM (no fork) and prints their outcome tables.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:no forbidden outcome seen", "1:a forbidden outcome was seen (or a test threw)",
                "2:bad input (not a jcstress test, compile error, unknown class)", ExitCodes.LINE_CRASH})
public final class StressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClassPathOption classPath;

    @Option(names = "--source", paramLabel = "FILE.java", description = "Java sources to compile (jcstress on their class path).")
    List<Path> sources = new ArrayList<>();

    @Mixin
    TimeBudgetOption time = new TimeBudgetOption("1s");

    @Mixin
    SeedOption seed;

    @Mixin
    JsonOutputOption json;

    @Parameters(paramLabel = "CLASS", arity = "0..*", description = "Test classes to run (default: every test found).")
    List<String> classes = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TestSelection selection;
        try {
            selection = TestSelection.of(classPath.value(), sources, classes);
        } catch (TestSelection.BadInput e) {
            err.println("racecourse stress: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        StressOptions options = StressOptions.defaults().progress(false).time(time.time());
        if (seed.seed() != null) options = options.seed(seed.seed());
        List<StressResult> results = new ArrayList<>();
        int status = 0;
        for (Class<?> test : selection.tests) {
            try {
                StressResult r = Stress.run(test, options);
                results.add(r);
                out.println(r.report());
                out.flush();
                if (r.verdict() == Verdict.FORBIDDEN) status = 1;
                if (r.interrupted()) break;
            } catch (IllegalArgumentException e) {
                err.println("racecourse stress: " + e.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            } catch (IllegalStateException e) {
                err.println("racecourse stress: " + e.getMessage());
                err.flush();
                status = 1;
            }
        }
        if (json.file() != null) JsonReport.write(json.file(), results);
        out.println(results.size() + " test(s); " + (status == 0 ? "no forbidden outcome seen" : "FORBIDDEN outcome seen"));
        out.flush();
        return status;
    }
}
