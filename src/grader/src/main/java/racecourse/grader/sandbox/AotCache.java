package racecourse.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The ahead-of-time class cache (JDK 25's {@code -XX:AOTCache}) of the grader's child JVMs: the classes they load
 * (the harness, JUnit, the explorer, the compiler) come mapped and linked from a file, so each child starts faster.
 * Nothing else changes: the limits and options of a child are the same with or without the cache.
 *
 * <p>A cache is only ever written by a <em>training</em> run, which the grader makes by grading the exercise's own
 * reference solution ({@link #train}); a learner's submission never writes one. Classes that the grader defines from
 * bytes (the submission's, the tests') are never in a cache: the JVM caches only classes from the class path and
 * the JDK. One cache per kind of child (compile, tests, race) and per JDK, class path and option set, kept in
 * {@code racecourse.aot.dir} (default {@code ~/.cache/racecourse/aot}); {@code -Dracecourse.aot=false} turns it off.
 * A stale or unreadable cache is ignored by the JVM, which then starts as without it.
 *
 * <p>Thread-safe: the training flag is per thread, and a cache file appears by an atomic move, whole or not at all.
 */
public final class AotCache {
    private static final ThreadLocal<Boolean> TRAINING = ThreadLocal.withInitial(() -> false);

    private AotCache() {
    }

    /** Whether child JVMs use the cache (on unless {@code -Dracecourse.aot=false}). */
    public static boolean enabled() {
        return !"false".equals(System.getProperty("racecourse.aot"));
    }

    /** The folder that holds the caches. */
    public static Path dir() {
        String d = System.getProperty("racecourse.aot.dir");
        return d != null ? Path.of(d) : Path.of(System.getProperty("user.home"), ".cache", "racecourse", "aot");
    }

    /**
     * Runs {@code work} (a grading of trusted code) with training on for this thread: each child JVM it starts whose
     * cache is missing records one. Returns what {@code work} returns.
     */
    public static <T> T train(Callable<T> work) throws Exception {
        boolean before = TRAINING.get();
        TRAINING.set(true);
        try {
            return work.call();
        } finally {
            TRAINING.set(before);
        }
    }

    /** Whether every cache a child of these kinds would use exists (so no training is needed). */
    public static boolean ready(List<Path> caches) {
        return caches.stream().allMatch(Files::isRegularFile);
    }

    /**
     * The cache file of a child of {@code kind} started with {@code options} and {@code classPath}: its name is a
     * digest of the JDK, the options and every class path entry's path, size and modification time.
     */
    public static Path file(String kind, List<String> options, List<String> classPath) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((kind + "\n" + System.getProperty("java.home") + "\n" + Runtime.version() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (String o : options) {
                md.update((o + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (String entry : classPath) {
                for (String e : entry.split(java.io.File.pathSeparator)) {
                    String stamp = e;
                    try {
                        BasicFileAttributes a = Files.readAttributes(Path.of(e), BasicFileAttributes.class);
                        stamp += " " + a.size() + " " + a.lastModifiedTime().toMillis();
                    } catch (IOException | RuntimeException ex) {
                        stamp += " missing";
                    }
                    md.update((stamp + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return dir().resolve(kind + "-" + HexFormat.of().formatHex(md.digest(), 0, 12) + ".aot");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * The JVM options that use or record the cache {@code file}: use it when it exists; record it into
     * {@code recordTo} when this thread is training and it does not; else none.
     */
    static List<String> options(Path file, Path recordTo) {
        if (!enabled()) {
            return List.of();
        }
        // The JVM's own notes about the cache go to standard error, never to the report channel.
        List<String> quiet = List.of("-Xlog:aot*=off", "-Xlog:cds*=off");
        if (Files.isRegularFile(file)) {
            return concat(quiet, "-XX:AOTCache=" + file);
        }
        if (TRAINING.get() && recordTo != null) {
            return concat(quiet, "-XX:AOTCacheOutput=" + recordTo);
        }
        return List.of();
    }

    /** Moves a recorded cache into place (atomically, so no child ever reads half a file), if it was written. */
    static void keep(Path recorded, Path file) {
        try {
            if (recorded != null && Files.isRegularFile(recorded) && Files.size(recorded) > 0) {
                Files.createDirectories(file.getParent());
                Files.move(recorded, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // No cache: the children start as before.
        } finally {
            if (recorded != null) {
                try {
                    Files.deleteIfExists(recorded);
                    Files.deleteIfExists(Path.of(recorded + ".config"));
                } catch (IOException e) {
                    // a stray file in the cache folder is harmless
                }
            }
        }
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.add(b);
        return out;
    }
}
