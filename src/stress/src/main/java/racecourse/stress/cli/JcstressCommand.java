package racecourse.stress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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
import racecourse.commandline.Durations;
import racecourse.commandline.ExitCodes;
import racecourse.commandline.JsonOutputOption;
import racecourse.stress.StressResult;
import racecourse.stress.Verdict;
import racecourse.stress.compile.SourceCompiler;
import racecourse.compile.CompileException;
import racecourse.stress.deep.Jcstress;

/**
 * {@code racecourse jcstress}: deep-runs tests with the real jcstress 0.16 in forked JVMs and prints the same
 * tables as {@code racecourse stress}. Exit status 0 when no forbidden outcome was seen, 1 when one was or
 * jcstress failed, 2 for bad input. Not thread-safe (one command object per invocation).
 */
@Command(name = "jcstress", mixinStandardHelpOptions = true,
        description = "Runs @JCStressTest classes with the real jcstress (forked JVMs; slow: about 30 s per test in quick mode).",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:no forbidden outcome seen", "1:a forbidden outcome was seen or jcstress failed",
                "2:bad input (not a jcstress test, compile error, unknown class)", ExitCodes.LINE_CRASH})
public final class JcstressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClassPathOption classPath;

    @Option(names = "--source", paramLabel = "FILE.java", description = "Java sources to compile with jcstress's processor.")
    List<Path> sources = new ArrayList<>();

    @Option(names = "--mode", defaultValue = "quick", description = "jcstress preset: sanity, quick, default, tough, stress (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "30m", description = "Kill jcstress after this (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    JsonOutputOption json;

    @Option(names = "--verbose", description = "Echo everything jcstress prints.")
    boolean verbose;

    @Parameters(paramLabel = "CLASS", arity = "0..*", description = "Test classes to run (default: every test found).")
    List<String> classes = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("sanity", "quick", "default", "tough", "stress").contains(mode)) {
            err.println("racecourse jcstress: unknown mode '" + mode + "' (sanity, quick, default, tough, stress)");
            err.flush();
            return ExitCodes.USAGE;
        }
        TestSelection selection;
        try {
            selection = TestSelection.of(classPath.value(), sources, classes);
        } catch (TestSelection.BadInput e) {
            err.println("racecourse jcstress: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        List<String> names = selection.tests.stream().map(Class::getName).toList();
        List<String> cp = new ArrayList<>(selection.classPath);
        cp.addAll(SourceCompiler.runtimeClassPath());
        out.println("jcstress (" + mode + " mode) on " + names.size() + " test(s) in forked JVMs; this takes a while...");
        out.flush();
        Jcstress.Options options = Jcstress.Options.defaults().mode(mode).timeout(timeout).log(line -> {
            if (verbose || line.matches("^\\.{3,} \\[.*")) {
                out.println(line);
                out.flush();
            }
        });
        Jcstress.Run run;
        try {
            run = Jcstress.run(options, sources, cp, sources.isEmpty() ? names : List.of());
        } catch (CompileException e) {
            err.println("racecourse jcstress: compile error:\n" + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        int status = run.exitCode() == 0 ? 0 : 1;
        for (StressResult r : run.results()) {
            out.println(r.report());
            if (r.verdict() == Verdict.FORBIDDEN) status = 1;
        }
        if (run.results().isEmpty()) {
            err.println("racecourse jcstress: jcstress reported no results (exit " + run.exitCode() + "); last lines:");
            run.output().stream().skip(Math.max(0, run.output().size() - 15)).forEach(l -> err.println("  " + l.text()));
            status = 1;
        }
        out.printf("jcstress took %.1f s (compile %.1f s)%n", run.wallTime().toNanos() / 1e9, run.setupTime().toNanos() / 1e9);
        if (json.file() != null) JsonReport.write(json.file(), run.results());
        out.flush();
        err.flush();
        return status;
    }
}
