package racecourse.stress.deep;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import racecourse.files.FileTrees;
import racecourse.process.ProcessException;
import racecourse.process.ProcessRunner;
import racecourse.stress.StressResult;
import racecourse.stress.compile.SourceCompiler;
import racecourse.compile.CompileException;

/**
 * Deep runs with the real jcstress 0.16: compiles the tests with jcstress's annotation processor into a
 * temporary directory, runs {@code org.openjdk.jcstress.Main -v} in forked JVMs of {@code JAVA_HOME}'s
 * {@code java}, and reads its results file with jcstress's own reader ({@link JcstressResults}) into the same
 * {@link StressResult} as the embedded harness. Slow: jcstress
 * probes the VM for several seconds, then runs each test in several forks and compiler configurations (see
 * docs/stress.md for measured times). Thread-safe; each run has its own directory.
 */
public final class Jcstress {
    private static final Pattern TYPE = Pattern.compile("(?m)^\\s*(?:public\\s+|final\\s+|abstract\\s+)*(?:class|record)\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /**
     * Package given to sources that have none: jcstress's processor cannot generate runners for classes in the
     * unnamed package, so such sources are compiled in this package and reported under their simple names.
     */
    public static final String SCRATCH_PACKAGE = "racecourse.scratch";

    private Jcstress() {
    }

    /**
     * How to run jcstress.
     *
     * @param mode jcstress's {@code -m} preset: sanity, quick, default, tough or stress
     * @param extraArgs more jcstress arguments (e.g. {@code -f 1})
     * @param timeout the whole run is killed after this
     * @param log receives every line jcstress prints, or null
     */
    public record Options(String mode, List<String> extraArgs, Duration timeout, Consumer<String> log) {
        public Options {
            Objects.requireNonNull(mode, "mode");
            extraArgs = List.copyOf(extraArgs);
            Objects.requireNonNull(timeout, "timeout");
        }

        /** Mode {@code quick}, 10 minutes at most, no log. */
        public static Options defaults() {
            return new Options("quick", List.of(), Duration.ofMinutes(10), null);
        }

        public Options mode(String mode) {
            return new Options(mode, extraArgs, timeout, log);
        }

        public Options extraArgs(List<String> extraArgs) {
            return new Options(mode, extraArgs, timeout, log);
        }

        public Options log(Consumer<String> log) {
            return new Options(mode, extraArgs, timeout, log);
        }

        public Options timeout(Duration timeout) {
            return new Options(mode, extraArgs, timeout, log);
        }
    }

    /** A line jcstress printed, with the time since the run started. */
    public record Line(Duration at, String text) {
    }

    /** Everything one deep run produced. */
    public record Run(List<StressResult> results, Duration wallTime, Duration setupTime, int exitCode,
                      boolean interrupted, List<Line> output) {
        /** Time from the start of jcstress to the first per-fork table line showing this outcome with a count. */
        public java.util.Optional<Duration> firstSeen(String outcomeId) {
            Pattern row = Pattern.compile("^\\s*" + Pattern.quote(outcomeId) + "\\s+([\\d,]+)\\s+");
            for (Line line : output) {
                Matcher m = row.matcher(line.text());
                if (m.find() && !m.group(1).replace(",", "").equals("0")) return java.util.Optional.of(line.at());
            }
            return java.util.Optional.empty();
        }
    }

    /** Deep-runs test classes that exist as class files on this JVM's class path (not JShell classes). */
    public static List<StressResult> deepRun(Class<?>... tests) {
        try {
            return run(Options.defaults(), List.of(), classPathOf(tests),
                    Stream.of(tests).map(Class::getName).toList()).results();
        } catch (CompileException | IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Deep-runs the tests in one Java compilation unit given as text, e.g. a class first written in a notebook
     * cell (JShell keeps no class file that jcstress could use, so the source is needed). The text must be a
     * complete file: imports, then the class; a package declaration is allowed.
     */
    public static List<StressResult> deepRun(String javaSource) {
        return deepRun(javaSource, Options.defaults());
    }

    /** As {@link #deepRun(String)}, with options. */
    public static List<StressResult> deepRun(String javaSource, Options options) {
        try {
            Path dir = Files.createTempDirectory("racecourse-jcstress-src");
            Path file = writeSource(dir, javaSource);
            return run(options, List.of(file), SourceCompiler.runtimeClassPath(), List.of()).results();
        } catch (CompileException e) {
            throw new IllegalArgumentException("the source does not compile:\n" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a compilation unit where javac expects it, from its package and first top-level type name. */
    public static Path writeSource(Path dir, String javaSource) throws IOException {
        Matcher type = TYPE.matcher(javaSource);
        if (!type.find()) throw new IllegalArgumentException("no class declaration found in the source text");
        Matcher pkg = PACKAGE.matcher(javaSource);
        String packageName;
        if (pkg.find()) {
            packageName = pkg.group(1);
        } else {
            packageName = SCRATCH_PACKAGE;
            javaSource = "package " + SCRATCH_PACKAGE + ";\n" + javaSource;
        }
        Path target = dir.resolve(packageName.replace('.', File.separatorChar));
        Files.createDirectories(target);
        Path file = target.resolve(type.group(1) + ".java");
        Files.writeString(file, javaSource);
        return file;
    }

    private static List<String> classPathOf(Class<?>... tests) {
        List<String> cp = new ArrayList<>(SourceCompiler.runtimeClassPath());
        for (Class<?> t : tests) {
            if (t.getName().startsWith("REPL.") || t.isHidden()) {
                throw new IllegalArgumentException(t.getName() + " was defined in JShell and has no class file: pass its"
                        + " source text to Jcstress.deepRun(String)");
            }
            try {
                String where = Path.of(t.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                if (!cp.contains(where)) cp.add(where);
            } catch (Exception e) {
                throw new IllegalArgumentException("cannot find the class file of " + t.getName(), e);
            }
        }
        return cp;
    }

    /**
     * Compiles and runs. With sources, they are compiled with the processor; with class names, the processor
     * reads the compiled classes from {@code classPath}; with neither, every test found by the processor in the
     * sources is run.
     */
    public static Run run(Options options, List<Path> sources, List<String> classPath, List<String> classNames)
            throws CompileException, IOException {
        Path work = Files.createTempDirectory("racecourse-jcstress");
        try {
            Path classes = work.resolve("classes");
            Path generated = work.resolve("generated");
            long t0 = System.nanoTime();
            if (!sources.isEmpty()) {
                List<Path> copies = new ArrayList<>();
                for (Path source : sources) {
                    if (!Files.isRegularFile(source)) throw new CompileException("no such source file: " + source);
                    copies.add(writeSource(work.resolve("sources"), Files.readString(source)));
                }
                SourceCompiler.compile(copies, classPath, classes, true, generated, List.of(), List.of());
            } else {
                SourceCompiler.compile(List.of(), classPath, classes, true, generated, List.of("-proc:only"), classNames);
                List<Path> runners;
                try (Stream<Path> walk = Files.walk(generated)) {
                    runners = walk.filter(p -> p.toString().endsWith(".java")).toList();
                }
                if (runners.isEmpty()) throw new CompileException("jcstress's processor generated nothing for " + classNames);
                List<String> cp = new ArrayList<>(classPath);
                SourceCompiler.compile(runners, cp, classes, false, null, List.of(), List.of());
            }
            List<String> names = testNames(classes);
            if (!classNames.isEmpty()) names.retainAll(classNames);
            if (names.isEmpty()) throw new CompileException("no @JCStressTest class to run");
            List<String> runCp = new ArrayList<>();
            runCp.add(classes.toString());
            runCp.addAll(classPath);
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "--enable-native-access=ALL-UNNAMED",
                    "-cp", String.join(File.pathSeparator, runCp), "org.openjdk.jcstress.Main", "-v", "-m", options.mode(),
                    "-t", names.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(", ")$"))));
            command.addAll(options.extraArgs());
            Duration setup = Duration.ofNanos(System.nanoTime() - t0);
            return execute(command, work, options, names, setup);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    private static Run execute(List<String> command, Path work, Options options, List<String> names, Duration setup)
            throws IOException {
        long start = System.nanoTime();
        List<Line> output = new ArrayList<>();
        ProcessRunner runner = ProcessRunner.of(command).directory(work).mergeStderr().timeout(options.timeout())
                .onStdoutLine(line -> {
                    Line l = new Line(Duration.ofNanos(System.nanoTime() - start), line);
                    synchronized (output) {
                        output.add(l);
                    }
                    if (options.log() != null) options.log().accept(line);
                });
        boolean interrupted = false;
        int exit;
        try {
            exit = runner.run().exitCode();
        } catch (ProcessException e) {
            if (!Thread.currentThread().isInterrupted()) throw e;
            interrupted = true; // the runner killed jcstress and kept the interrupt; report what it printed
            exit = -1;
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        List<StressResult> results = new ArrayList<>();
        java.util.Optional<Path> file = JcstressResults.file(work);
        if (file.isPresent()) {
            for (StressResult r : JcstressResults.read(file.get(), work.resolve("classes"), wall, names.size(), interrupted)) {
                if (names.size() > 0 && !names.contains(r.name())) continue;
                if (r.name().startsWith(SCRATCH_PACKAGE + ".")) r = r.renamed(r.name().substring(SCRATCH_PACKAGE.length() + 1));
                results.add(r);
            }
        }
        synchronized (output) {
            return new Run(results, wall, setup, exit, interrupted, List.copyOf(output));
        }
    }

    /** Test names listed in the processor's {@code META-INF/TestList}. */
    private static List<String> testNames(Path classes) throws IOException {
        Path list = classes.resolve("META-INF/TestList");
        List<String> names = new ArrayList<>();
        if (!Files.exists(list)) return names;
        // Each line starts "JCTEST", then the test's name prefixed by its length and 'S'.
        for (String line : Files.readAllLines(list)) {
            Matcher m = Pattern.compile("^JCTEST(\\d+)S").matcher(line);
            if (!m.find()) continue;
            int length = Integer.parseInt(m.group(1));
            if (m.end() + length <= line.length()) names.add(line.substring(m.end(), m.end() + length));
        }
        return names;
    }

    /** {@code $JAVA_HOME/bin/java}, else this JVM's own {@code java}. */
    public static String javaExecutable() {
        String home = System.getenv("JAVA_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "java"))) return Path.of(home, "bin", "java").toString();
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
