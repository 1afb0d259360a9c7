package racecourse.process;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a main class in a separate JVM started from the same JDK as the running one, so an experiment that could
 * exhaust memory or threads, or a submission under test, cannot hurt the JVM that asked for it. Configure the class
 * path, JVM options, arguments and timeout, then {@link #run()}, or take the {@link #runner()} to add standard input,
 * a working folder or line listeners. Built on {@link ProcessRunner}, so the timeout kills the whole process tree
 * and output is capped.
 *
 * <pre>{@code
 * var census = ChildJvm.run(ThreadCensus.class, List.of("-Xss256k"), List.of("virtual"), Duration.ofSeconds(60))
 *         .orThrow().records("census");
 * }</pre>
 *
 * <p>Not thread-safe while being configured; the static methods are thread-safe.
 */
public final class ChildJvm {
    private final String mainClass;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> classPath = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private Duration timeout;

    private ChildJvm(String mainClass) {
        this.mainClass = mainClass;
    }

    /** A child JVM that will run {@code mainClass}; its class path starts empty. */
    public static ChildJvm of(String mainClass) {
        return new ChildJvm(mainClass);
    }

    /** A child JVM that will run {@code mainClass} on this JVM's own class path. */
    public static ChildJvm of(Class<?> mainClass) {
        return new ChildJvm(mainClass.getName()).classPath(currentClassPath());
    }

    /**
     * Runs {@code mainClass} on this JVM's class path with the JVM options and arguments given, in the temporary
     * folder, waits at most {@code deadline} (then kills it), and returns what it printed.
     */
    public static ProcessResult run(Class<?> mainClass, List<String> jvmOptions, List<String> args, Duration deadline) {
        return of(mainClass).jvmOptions(jvmOptions).args(args).timeout(deadline).runner()
                .directory(Path.of(System.getProperty("java.io.tmpdir"))).run();
    }

    /** The {@code java} launcher of the JDK this JVM runs on. */
    public static String javaCommand() {
        Path own = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (Files.isExecutable(own)) return own.toString();
        return ProcessHandle.current().info().command().orElse(own.toString());
    }

    /** This JVM's class path, as given to it. */
    public static List<String> currentClassPath() {
        String cp = System.getProperty("java.class.path", "");
        return cp.isEmpty() ? List.of() : List.of(cp.split(File.pathSeparator));
    }

    /** The jar or folder {@code type} was loaded from. */
    public static String classPathOf(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null) throw new IllegalStateException(type.getName() + " comes from the boot class path");
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
        }
    }

    /** Adds JVM options (such as {@code -Xmx64m} or {@code -javaagent:...}), placed before the class path. */
    public ChildJvm jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    /** Adds class path entries (jars or folders). */
    public ChildJvm classPath(List<String> entries) {
        for (String e : entries) if (!classPath.contains(e)) classPath.add(e);
        return this;
    }

    /** Adds arguments for the main class. */
    public ChildJvm args(List<String> arguments) {
        args.addAll(arguments);
        return this;
    }

    /** Kills the child JVM (and anything it started) if it has not ended after {@code limit}. */
    public ChildJvm timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** The full command line: launcher, JVM options, class path, main class, arguments. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(jvmOptions);
        if (!classPath.isEmpty()) {
            command.add("-cp");
            command.add(String.join(File.pathSeparator, classPath));
        }
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** A process runner for this child, with the timeout set, to configure further before {@code run()}. */
    public ProcessRunner runner() {
        return ProcessRunner.of(command()).timeout(timeout);
    }

    /** Runs the child JVM and returns what it did. */
    public ProcessResult run() {
        return runner().run();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
