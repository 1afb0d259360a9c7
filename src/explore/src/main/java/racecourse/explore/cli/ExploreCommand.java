package racecourse.explore.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racecourse.compile.CompileException;
import racecourse.compile.Javac;
import racecourse.explore.ExploreOptions;
import racecourse.explore.Explorer;
import racecourse.explore.program.MainProgram;
import racecourse.explore.report.ExploreResult;

/**
 * {@code racecourse explore}: runs a program's {@code main} under the schedule explorer. Parses options and
 * delegates to {@link Explorer}. Exit codes: 0 no failure, 1 a failure (witness and replay command printed),
 * 2 usage or compile error, 70 internal error. Not thread-safe: picocli makes one instance per run.
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Run a program's main under the schedule explorer: its threads run one at a time, and every "
                + "schedule (or a sample) of their shared accesses is tried.",
                "Scope: sequentially consistent interleavings only; counts are schedules, not chances.",
                "Exit codes: 0 no failure, 1 a failure (witness and replay command printed), 2 usage or compile "
                        + "error, 70 internal error."})
public final class ExploreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.java|MAIN", description = "A source file, or with -cp a main class.")
    String target;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for main.")
    List<String> args = new ArrayList<>();

    @Option(names = {"-cp", "--class-path"}, description = "Class path of a compiled program (or of a source file's "
            + "dependencies).")
    String classPath;

    @Option(names = "--strategy", description = "dpor (every trace once, sleep sets), source (the same traces, with source sets too: fewer "
            + "partial schedules dropped), exhaustive (every schedule), pct or random "
            + "(default: ${DEFAULT-VALUE}).")
    String strategy = "dpor";

    @Option(names = "--bound", description = "Preemption bound: every schedule with 0, then 1, ... up to K preemptions.")
    int bound = -1;

    @Option(names = "--schedules", description = "Most schedules to run (default: ${DEFAULT-VALUE}).")
    int schedules = ExploreOptions.DEFAULT_SCHEDULES;

    @Option(names = "--seed", description = "Seed of pct and random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--depth", description = "PCT bug depth (default: ${DEFAULT-VALUE}).")
    int depth = 3;

    @Option(names = "--replay", paramLabel = "SCHEDULE", description = "Run one schedule, e.g. \"A A B A B\".")
    String replay;

    @Option(names = "--max-steps", description = "Steps per schedule before \"livelock or endless loop\" "
            + "(default: ${DEFAULT-VALUE}).")
    int maxSteps = ExploreOptions.DEFAULT_MAX_STEPS;

    @Option(names = "--threads", description = "Most threads a schedule may start (default: ${DEFAULT-VALUE}).")
    int threads = 63;

    @Option(names = "--no-races", description = "Skip the data-race check on each explored schedule.")
    boolean noRaces;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON to OUT.")
    Path json;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ExploreOptions options;
        try {
            options = new ExploreOptions(strategy, bound, schedules, seed, depth, maxSteps, threads, replay, !noRaces);
            if (replay != null) racecourse.explore.strategy.Replay.parse(replay);
        } catch (IllegalArgumentException e) {
            err.println("racecourse explore: " + e.getMessage());
            return 2;
        }
        MainProgram program;
        try {
            program = load();
        } catch (CompileException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IllegalArgumentException | ClassNotFoundException e) {
            err.println("racecourse explore: " + (e instanceof ClassNotFoundException ? "no class " + e.getMessage()
                    + " on the class path" : e.getMessage()));
            return 2;
        } catch (IOException | RuntimeException | LinkageError e) {
            err.println("racecourse explore: internal error: " + e);
            return 70;
        }
        AtomicBoolean stop = new AtomicBoolean();
        installInterrupt(stop);
        try {
            ExploreResult r = Explorer.explore(program, options, replayCommand(), stop::get,
                    line -> err.println("  ... " + line));
            out.println(r.text());
            if (json != null) Files.writeString(json, r.toJson(), StandardCharsets.UTF_8);
            boolean unfollowable = r.outcomes().stream()
                    .anyMatch(o -> o.kind() == racecourse.explore.sched.Ending.Kind.REPLAY_ERROR);
            return unfollowable ? 2 : r.failed() ? 1 : 0;
        } catch (IOException | RuntimeException | LinkageError e) {
            System.setOut(out);
            System.setErr(err);
            err.println("racecourse explore: internal error: " + e);
            return 70;
        }
    }

    private MainProgram load() throws IOException, CompileException, ClassNotFoundException {
        List<String> cp = classPath == null ? List.of() : List.of(classPath.split(java.io.File.pathSeparator));
        if (target.endsWith(".java")) {
            Path source = Path.of(target);
            Path dir = Files.createTempDirectory("racecourse-explore");
            dir.toFile().deleteOnExit();
            String main = Javac.compileProgram(source, cp, dir); // as `java File.java` compiles and picks it
            List<String> entries = new ArrayList<>(cp);
            entries.addFirst(dir.toString());
            return new MainProgram(Javac.loader(entries), main, args.toArray(String[]::new));
        }
        if (classPath == null) throw new IllegalArgumentException("give a FILE.java, or -cp CLASSPATH and a main class");
        return new MainProgram(Javac.loader(cp), target, args.toArray(String[]::new));
    }

    private String replayCommand() {
        StringBuilder c = new StringBuilder("racecourse explore ");
        if (classPath != null) c.append("-cp ").append(classPath).append(' ');
        c.append(target);
        for (String a : args) c.append(' ').append(a);
        c.append(" --replay \"%s\"");
        return c.toString();
    }

    @SuppressWarnings("restriction")
    private static void installInterrupt(AtomicBoolean stop) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> {
                if (stop.getAndSet(true)) System.exit(130); // a second Ctrl-C ends at once
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no signal handling here: Ctrl-C ends the run without a summary
        }
    }
}
