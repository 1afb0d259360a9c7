package racecourse.grader.sandbox;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racecourse.explore.cli.ExploreBench;
import racecourse.files.FileTrees;
import racecourse.json.Json;
import racecourse.process.ProcessException;
import racecourse.process.ProcessResult;
import racecourse.process.ProcessTrees;

/**
 * Starts a child JVM running the {@link Harness} in a fresh temporary working directory (through the course's one
 * child-JVM runner, {@link racecourse.process.ChildJvm}), sends it a {@link Job} and
 * collects the reports signed with the job's nonce. Limits: heap ({@code -Xmx}, and the JVM exits on the first
 * out-of-memory error), thread stack size, a total wall-clock timeout after which the whole process tree is killed,
 * and caps on how much of the child's output is read.
 *
 * <p>Thread-safe (immutable); each {@link #run} starts its own process.
 */
public final class ChildJvm {
    /** Bytes of the child's standard error kept for the feedback. */
    public static final int STDERR_CAP = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int heapMb;
    private final Duration totalTimeout;
    private final List<String> extraJvmArgs;
    private final List<String> extraClassPath;

    /** A launcher with the given heap limit, total timeout and extra JVM options (such as a java agent). */
    public ChildJvm(int heapMb, Duration totalTimeout, List<String> extraJvmArgs) {
        this(heapMb, totalTimeout, extraJvmArgs, List.of());
    }

    /** As above, with extra class path entries (trusted jars such as the race detector's dependencies). */
    public ChildJvm(int heapMb, Duration totalTimeout, List<String> extraJvmArgs, List<String> extraClassPath) {
        this.heapMb = heapMb;
        this.totalTimeout = totalTimeout;
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
        this.extraClassPath = List.copyOf(extraClassPath);
    }

    /** A fresh secret for one run. */
    public static String newNonce() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * What came back from a child run.
     *
     * @param reports   the signed reports, in order
     * @param exitCode  the exit status, or -1 when the grader killed the child
     * @param timedOut  true when the total timeout was reached
     * @param stderr    the first bytes of the JVM's own standard error
     * @param elapsed   wall-clock time of the run
     */
    public record Result(List<Map<String, Object>> reports, int exitCode, boolean timedOut, String stderr,
            Duration elapsed) {
    }

    /** Runs the job and waits for the child to end or for the total timeout. */
    public Result run(Job job) throws IOException, InterruptedException {
        Path sandbox = Files.createTempDirectory("racecourse-sandbox-");
        List<String> options = new ArrayList<>(limits());
        options.add("-Djava.io.tmpdir=" + sandbox);
        options.add("-Duser.dir=" + sandbox);
        options.addAll(extraJvmArgs);
        List<String> cp = new ArrayList<>(List.of(classPath()));
        cp.addAll(extraClassPath);
        // The AOT class cache of this kind of child (AotCache); the options that only name this run's files
        // (its folder, the detector's report files) are not part of its key.
        String kind = !job.sources().isEmpty() ? "compile" : "tests";
        Path cache = cacheFile(kind);
        Path recording = null;
        if (cache != null) {
            if (!Files.isRegularFile(cache)) {
                Files.createDirectories(cache.getParent());
                recording = cache.resolveSibling(cache.getFileName() + "." + job.nonce().substring(0, 8) + ".tmp");
            }
            options.addAll(0, AotCache.options(cache, recording));
        }
        List<Map<String, Object>> reports = java.util.Collections.synchronizedList(new ArrayList<>());
        StringBuilder unsigned = new StringBuilder(); // guarded by itself
        String prefix = job.nonce() + " ";
        ProcessResult run;
        try {
            run = racecourse.process.ChildJvm.of(Harness.class.getName()).jvmOptions(options).classPath(cp)
                    .timeout(totalTimeout).runner()
                    .directory(sandbox)
                    .keepOnlyEnvironment(List.of("PATH", "LANG"))
                    .outputCap(0, STDERR_CAP)
                    .stdin(in -> job.write(new DataOutputStream(in)))
                    .onStdoutLine(line -> {
                        if (line.startsWith(prefix)) {
                            report(line.substring(prefix.length()), reports);
                        } else {
                            // Only the JVM itself writes unsigned lines here (such as "Terminating due to
                            // java.lang.OutOfMemoryError"); keep them with standard error, capped.
                            synchronized (unsigned) {
                                if (unsigned.length() < STDERR_CAP) unsigned.append(line).append('\n');
                            }
                        }
                    })
                    .run();
        } catch (ProcessException e) {
            if (Thread.interrupted()) throw new InterruptedException("interrupted while grading: " + e.getMessage());
            throw new IOException(e.getMessage(), e);
        } finally {
            FileTrees.deleteQuietly(sandbox);
            if (recording != null) {
                AotCache.keep(recording, cache);
            }
        }
        String stderr;
        synchronized (unsigned) {
            stderr = run.err() + unsigned;
        }
        if (stderr.length() > STDERR_CAP) stderr = stderr.substring(0, STDERR_CAP);
        return new Result(List.copyOf(reports), run.exitCode(), run.timedOut(), stderr, run.elapsed());
    }

    /**
     * The AOT class cache file a child of {@code kind} ("compile" or "tests") started by this launcher uses, or null
     * when there is none: caches are off, or this launcher runs a java agent (the race detector rewrites classes as
     * they load, so its child starts without a cache).
     */
    public Path cacheFile(String kind) {
        if (!AotCache.enabled() || extraJvmArgs.stream().anyMatch(o -> o.startsWith("-javaagent"))) {
            return null;
        }
        List<String> keyed = new ArrayList<>(limits());
        keyed.addAll(extraJvmArgs);
        List<String> cp = new ArrayList<>(List.of(classPath()));
        cp.addAll(extraClassPath);
        return AotCache.file(kind, keyed, cp);
    }

    /**
     * The options that set the child's limits and its JIT, the same for every run of this launcher. The export lets
     * the schedule explorer switch an explored check's threads as continuations; submitted code gains nothing from
     * it, because the compiler is not given the export (a submission that names {@code jdk.internal.vm} does not
     * compile) and the rewrite refuses reflection and var handles on classes that are not the submission's.
     */
    private List<String> limits() {
        return List.of("-Xmx" + heapMb + "m", "-Xss1m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "--enable-preview", ExploreBench.CONTINUATIONS_EXPORT);
    }

    /** Kills a process and all its descendants. */
    public static void killTree(Process process) throws InterruptedException {
        ProcessTrees.kill(process);
        if (Thread.interrupted()) throw new InterruptedException("interrupted while killing a child process");
    }

    @SuppressWarnings("unchecked")
    private static void report(String json, List<Map<String, Object>> reports) {
        try {
            reports.add((Map<String, Object>) Json.parse(json));
        } catch (RuntimeException e) {
            // A malformed line is ignored; its test then counts as unreported.
        }
    }

    /** The child's class path: the grader's own classes and the JUnit Platform jars, nothing else. */
    public static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String anchor : List.of("racecourse.grader.sandbox.Harness", "org.junit.platform.launcher.Launcher",
                "org.junit.platform.launcher.core.LauncherFactory", "org.junit.platform.engine.TestEngine",
                "org.junit.platform.commons.util.ReflectionUtils", "org.junit.jupiter.api.Test",
                "org.junit.jupiter.engine.JupiterTestEngine", "org.opentest4j.AssertionFailedError",
                "org.junit.jupiter.params.ParameterizedTest", "org.apiguardian.api.API",
                // The schedule explorer and what it needs, for explored checks (racecourse.grader.step.ExploreCheck).
                // (it is built on the race detector's instrumentation and happens-before check: the race jar)
                "racecourse.explore.Explore", "racecourse.race.instrument.ExplorerInstrumenter",
                "racecourse.display.Displayable", "org.objectweb.asm.ClassVisitor",
                "org.objectweb.asm.tree.ClassNode", "com.google.gson.Gson")) {
            try {
                Class<?> c = Class.forName(anchor, false, ChildJvm.class.getClassLoader());
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
                // Optional jars (JUnit params, API guardian) may be absent.
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
