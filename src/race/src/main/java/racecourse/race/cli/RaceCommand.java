package racecourse.race.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racecourse.commandline.ClassPathOption;
import racecourse.commandline.Durations;
import racecourse.commandline.ExitCodes;
import racecourse.compile.CompileException;
import racecourse.compile.Javac;
import racecourse.commandline.JsonOutputOption;
import racecourse.files.FileTrees;
import racecourse.process.ChildJvm;
import racecourse.process.ProcessResult;
import racecourse.process.ProcessRunner;
import racecourse.race.Agents;
import racecourse.race.cell.ReportSummary;

/**
 * {@code racecourse race}: runs a program under the race detector in a child JVM and exits like Go's
 * race detector: 66 when a race was found, else with the program's own status. Not thread-safe (one run).
 */
@Command(name = "race",
        description = "Run a Java program with the race detector.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:no data race found and the program ended normally", ExitCodes.LINE_RACE,
            ExitCodes.LINE_USAGE,
            "124:--timeout ended the program and no race was found",
            ExitCodes.LINE_CRASH,
            "*:no race found: the program's own exit status"})
public final class RaceCommand implements Callable<Integer> {
    /** Go's exit status for "the program raced". */
    public static final int RACE_STATUS = ExitCodes.RACE;
    /** Exit status when the program does not compile or the command is misused. */
    public static final int USAGE_STATUS = ExitCodes.USAGE;
    /** Exit status when the timeout ended a program that did not race. */
    public static final int TIMEOUT_STATUS = 124;

    @Mixin
    ClassPathOption classPathOption = new ClassPathOption();

    @Mixin
    JsonOutputOption jsonOption = new JsonOutputOption();

    @Option(names = "--text", paramLabel = "OUT", description = "Write the race report as text to OUT.")
    Path text;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
            description = "End the program after DURATION (e.g. 30s, 1.5s, 2m, 500ms; default: no limit), "
                    + "printing a short report of its threads first.")
    Duration timeout;

    @Option(names = "--max-reports", paramLabel = "N", defaultValue = "100",
            description = "Report at most N races in full; count the rest (default: ${DEFAULT-VALUE}).")
    int maxReports;

    @Option(names = "-J", paramLabel = "JVMOPT", description = "Pass an option to the program's JVM (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "PROGRAM", preprocessor = ProgramArgs.class, description = "A single-file program File.java, or a main class.")
    String program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program.")
    List<String> args = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;

    /**
     * Takes the program and everything after it as the program's arguments, even arguments that look like
     * options of this command (works however the enclosing command line is configured).
     */
    public static final class ProgramArgs implements picocli.CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> rest, picocli.CommandLine.Model.CommandSpec spec,
                                  picocli.CommandLine.Model.ArgSpec arg, java.util.Map<String, Object> info) {
            RaceCommand c = spec.commandLine().getCommand();
            c.program = rest.pop();
            while (!rest.isEmpty()) {
                c.args.add(rest.pop());
            }
            return true;
        }
    }

    /** Creates the command; the program's output and the command's messages go to this process's streams. */
    public RaceCommand() {
        this(System.out, System.err);
    }

    /** Creates the command with the program's stdout going to {@code out}, its stderr and the reports to {@code err}. */
    public RaceCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        Duration limit = timeout;
        if (limit != null && (limit.isZero() || limit.isNegative())) {
            err.println("racecourse race: --timeout must be longer than zero");
            return USAGE_STATUS;
        }
        String classPath = classPathOption.value();
        Path json = jsonOption.file();
        Path work = Files.createTempDirectory("racecourse-race");
        try {
            String cp;
            String mainClass;
            if (program.endsWith(".java")) {
                Path source = Path.of(program);
                if (!Files.isRegularFile(source)) {
                    err.println("racecourse race: no such file: " + program);
                    return USAGE_STATUS;
                }
                Path classes = work.resolve("classes");
                Files.createDirectories(classes);
                mainClass = compile(source, classes);
                if (mainClass == null) {
                    return USAGE_STATUS;
                }
                cp = classPath == null ? classes.toString() : classes + File.pathSeparator + classPath;
            } else {
                if (classPath == null) {
                    err.println("racecourse race: give a .java file, or -cp CLASSPATH and a main class");
                    return USAGE_STATUS;
                }
                cp = classPath;
                mainClass = program;
            }
            Path report = json != null ? json.toAbsolutePath() : work.resolve("report.json");
            return run(cp, mainClass, report, limit);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    private int run(String cp, String mainClass, Path report, Duration limit) throws IOException {
        Path marker = report.resolveSibling(report.getFileName() + ".timeout");
        Files.deleteIfExists(marker);
        StringBuilder agent = new StringBuilder("-javaagent:").append(Agents.agentJar().toAbsolutePath())
                .append("=on,stderr,max=").append(maxReports).append(",json=").append(report)
                .append(",threadsOnExit=").append(marker);
        if (text != null) {
            agent.append(",text=").append(text.toAbsolutePath());
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildJvm.javaCommand());
        cmd.addAll(jvmOptions);
        cmd.add("--enable-preview");
        cmd.add(agent.toString());
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessRunner runner = ProcessRunner.of(cmd).inheritStdin().killOnExit().outputCap(64 * 1024);
        if (out == System.out && err == System.err) {
            runner.inheritOutput();
        } else {
            runner.forwardOutput(out, err);
        }
        if (limit != null) {
            runner.timeout(limit).beforeKill(handle -> endWithThreadReport(handle, limit, marker));
        }
        ProcessResult result = runner.run();
        boolean timedOut = result.timedOut();
        Files.deleteIfExists(marker);
        int status = result.exitCode();
        int races = 0;
        boolean complete = false;
        if (Files.isRegularFile(report)) {
            ReportSummary summary = ReportSummary.read(Files.readString(report, StandardCharsets.UTF_8));
            races = summary.count();
            complete = summary.complete();
        }
        if (!complete && races > 0) {
            err.println("racecourse race: the report of " + races + " race(s) is incomplete (the program was ended"
                    + " early or its main thread threw)");
        }
        if (races > 0) {
            if (status != 0 && !timedOut) {
                err.println("racecourse race: the program itself exited with status " + status);
            }
            return RACE_STATUS;
        }
        err.println("racecourse race: no data races found");
        return timedOut ? TIMEOUT_STATUS : status;
    }

    /**
     * Ends a program that ran past its time so that it prints its short thread report: the marker file tells the
     * agent's exit hook to print it, and SIGTERM through the handle (never a forcible kill first) runs that hook.
     */
    private void endWithThreadReport(ProcessHandle handle, Duration limit, Path marker) {
        err.println("racecourse race: the program did not finish within " + human(limit) + "; its threads:");
        try {
            Files.createFile(marker);
        } catch (IOException e) {
            err.println("racecourse race: cannot ask for the thread report (" + e.getMessage() + ")");
        }
        handle.destroy();
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the runner kills the process tree next
        }
    }

    /** Compiles a single-file program with {@link Javac}; returns its main class, or null after printing the errors. */
    private String compile(Path source, Path classes) throws IOException {
        String classPath = classPathOption.value();
        try {
            return Javac.compileProgram(source, classPath == null ? List.of() : List.of(classPath), classes);
        } catch (CompileException e) {
            if (e.errors().isEmpty()) {
                err.println("racecourse race: " + e.getMessage()); // no compiler, or no file: nothing of the program's
            } else {
                err.println(e.getMessage());
                err.println("racecourse race: " + source + " does not compile");
            }
            return null;
        }
    }

    /** A duration with its unit: {@code 500 ms}, {@code 5 s}, {@code 2 min}, {@code 1 h}. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000 || ms % 1000 != 0) return ms + " ms";
        long s = ms / 1000;
        if (s < 60 || s % 60 != 0) return s + " s";
        long m = s / 60;
        return m < 60 || m % 60 != 0 ? m + " min" : m / 60 + " h";
    }
}
