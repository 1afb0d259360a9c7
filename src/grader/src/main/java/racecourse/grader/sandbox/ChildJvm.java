package racecourse.grader.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import racecourse.grader.format.Json;

/**
 * Starts a child JVM running the {@link Harness} in a fresh temporary working directory, sends it a {@link Job} and
 * collects the reports signed with the job's nonce. Limits: heap ({@code -Xmx}, and the JVM exits on the first
 * out-of-memory error), thread stack size, a total wall-clock timeout after which the whole process tree is killed,
 * and caps on how much of the child's output is read.
 *
 * <p>Thread-safe (immutable); each {@link #run} starts its own process.
 */
public final class ChildJvm {
    /** Bytes of the child's standard error kept for the feedback. */
    public static final int STDERR_CAP = 16 * 1024;
    private static final int LINE_CAP = 1 << 20;
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
        long start = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heapMb + "m");
        command.add("-Xss1m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("--enable-preview");
        command.add("-Djava.io.tmpdir=" + sandbox);
        command.add("-Duser.dir=" + sandbox);
        command.addAll(extraJvmArgs);
        command.add("-cp");
        List<String> cp = new ArrayList<>(List.of(classPath()));
        cp.addAll(extraClassPath);
        command.add(String.join(java.io.File.pathSeparator, cp));
        command.add(Harness.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command).directory(sandbox.toFile());
        pb.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("LANG"));
        Process process = pb.start();
        List<Map<String, Object>> reports = java.util.Collections.synchronizedList(new ArrayList<>());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = Thread.ofPlatform().daemon().name("child-stdout").start(
                () -> readReports(process.getInputStream(), job.nonce(), reports, err));
        Thread errReader = Thread.ofPlatform().daemon().name("child-stderr").start(
                () -> drain(process.getErrorStream(), err));
        try (DataOutputStream in = new DataOutputStream(process.getOutputStream())) {
            job.write(in);
        } catch (IOException e) {
            // The child died before reading its job; its exit status and stderr tell why.
        }
        boolean finished = process.waitFor(totalTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            killTree(process);
        }
        outReader.join(5_000);
        errReader.join(5_000);
        int exit = finished ? process.exitValue() : -1;
        deleteTree(sandbox);
        String stderr;
        synchronized (err) {
            stderr = err.toString(StandardCharsets.UTF_8);
        }
        return new Result(List.copyOf(reports), exit, !finished, stderr,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Kills a process and all its descendants. */
    public static void killTree(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static void readReports(InputStream in, String nonce, List<Map<String, Object>> reports,
            ByteArrayOutputStream unsigned) {
        String prefix = nonce + " ";
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        String s = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        if (s.startsWith(prefix)) {
                            try {
                                reports.add((Map<String, Object>) Json.parse(s.substring(prefix.length())));
                            } catch (RuntimeException e) {
                                // A malformed line is ignored; its test then counts as unreported.
                            }
                        } else {
                            // Only the JVM itself writes unsigned lines here (such as "Terminating due to
                            // java.lang.OutOfMemoryError"); keep them with standard error, capped.
                            synchronized (unsigned) {
                                byte[] b = (s + "\n").getBytes(StandardCharsets.UTF_8);
                                unsigned.write(b, 0, Math.min(b.length, Math.max(0, STDERR_CAP - unsigned.size())));
                            }
                        }
                    } else if (line.size() < LINE_CAP) {
                        line.write(buf[i]);
                    }
                }
            }
        } catch (IOException e) {
            // The child was killed; what was read so far stands.
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream kept) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (kept) {
                    int room = Math.max(0, STDERR_CAP - kept.size());
                    kept.write(buf, 0, Math.min(room, n));
                }
            }
        } catch (IOException e) {
            // The child was killed.
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temp directory left behind is harmless.
        }
    }

    /** The child's class path: the grader's own classes and the JUnit Platform jars, nothing else. */
    public static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String anchor : List.of("racecourse.grader.sandbox.Harness", "org.junit.platform.launcher.Launcher",
                "org.junit.platform.launcher.core.LauncherFactory", "org.junit.platform.engine.TestEngine",
                "org.junit.platform.commons.util.ReflectionUtils", "org.junit.jupiter.api.Test",
                "org.junit.jupiter.engine.JupiterTestEngine", "org.opentest4j.AssertionFailedError",
                "org.junit.jupiter.params.ParameterizedTest", "org.apiguardian.api.API")) {
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
