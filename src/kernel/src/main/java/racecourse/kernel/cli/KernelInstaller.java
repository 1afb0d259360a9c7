package racecourse.kernel.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import racecourse.files.FileTrees;
import racecourse.process.ProcessResult;
import racecourse.process.ProcessRunner;

/**
 * Installs the {@code racecourse} kernelspec so that it no longer needs the build: the kernel's jars and its
 * ahead-of-time cache are copied into a folder of their own inside the kernelspec ({@code runtime-N/}), and
 * {@code kernel.json} names the JDK that ran the installer. Cleaning, rebuilding or moving the checkout leaves the
 * installed kernel working until it is installed again. A new install is written beside the old one and takes
 * over only when complete, so a failed install loses nothing. Not thread-safe.
 */
public final class KernelInstaller {
    /** The kernelspec's name, as notebooks name it in their metadata. */
    public static final String NAME = "racecourse";

    /** Options every kernel JVM starts with. */
    static final List<String> JVM_OPTIONS = List.of("--enable-preview", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
            "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
            "-XX:+UseSerialGC", "-XX:-UsePerfData",
            // a heap that starts at 1/16 of the memory rather than 1/64: start-up allocates about 100 MB before the
            // first cell's result. With the default, 8 GB collected once or twice before it (25-32 ms each) and 24 GB
            // now and then once (about 55 ms); with this, 24 GB does not, and 8 GB does in about one start in four
            "-XX:InitialRAMPercentage=6.25",
            // the explorer switches a schedule's threads as continuations when this package is exported
            racecourse.explore.cli.ExploreBench.CONTINUATIONS_EXPORT);

    /** The logo files Jupyter's launcher shows, packed into the kernel jar beside the template. */
    static final List<String> LOGOS = List.of("logo-32x32.png", "logo-64x64.png", "logo-svg.svg");

    private static final String RUNTIME_PREFIX = "runtime-";
    private static final Duration AOT_STEP_LIMIT = Duration.ofMinutes(3);

    private final Path javaBinary;
    private final Path libDir;

    /** What an installed kernelspec records about itself in {@code kernel.json}'s metadata. */
    public record Installed(Path dir, String version, long buildStamp, Path java, String javaVersion) {
    }

    /** An installer for the JDK running this code and the jars beside the kernel's own jar. */
    public static KernelInstaller forThisBuild() {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java runs this process")));
        return new KernelInstaller(java, libDir());
    }

    KernelInstaller(Path java, Path libDir) {
        this.javaBinary = java;
        this.libDir = libDir;
    }

    /** The folder holding the kernel's jar and its dependencies. */
    static Path libDir() {
        try {
            Path self = Path.of(KernelInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!self.toString().endsWith(".jar")) {
                throw new IllegalStateException("the kernel is not built as a jar (" + self + "): run 'make build' first");
            }
            return self.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The build's jars the kernel runs on, in a fixed order (the order matters to the ahead-of-time cache). */
    public List<Path> classpath() {
        return jarsIn(libDir);
    }

    private static List<Path> jarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * When the course's own jars were last built: the newest modification time of the {@code racecourse-*} jars,
     * in milliseconds. An installed kernel whose stamp is older than the build's runs older code.
     */
    public long buildStamp() {
        return classpath().stream().filter(p -> p.getFileName().toString().startsWith("racecourse-"))
                .mapToLong(KernelInstaller::modified).max().orElse(0);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The course's root folder (the one holding kernel-setup/), or null when the jars live elsewhere. */
    public Path courseRoot() {
        for (Path dir = libDir; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("kernel-setup")) && Files.isDirectory(dir.resolve("notebooks"))) return dir;
        }
        return null;
    }

    /**
     * Writes the kernelspec into {@code kernelsDir/racecourse} and returns that folder.
     *
     * @param aot whether to record an ahead-of-time cache (takes some seconds)
     */
    public Path install(Path kernelsDir, boolean aot) throws IOException {
        Path target = kernelsDir.toAbsolutePath().resolve(NAME);
        Files.createDirectories(target);
        Path runtime = target.resolve(RUNTIME_PREFIX + System.currentTimeMillis());
        try {
            Path lib = Files.createDirectories(runtime.resolve("lib"));
            for (Path jar : classpath()) {
                Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
            List<Path> jars = jarsIn(lib);
            List<String> options = new ArrayList<>(JVM_OPTIONS);
            if (aot) {
                Path cache = runtime.resolve("kernel.aot");
                String problem = recordCache(runtime, jars, cache);
                if (problem == null) {
                    options.add("-XX:AOTCache=" + cache);
                } else {
                    System.err.println("racecourse: no start-up cache (" + problem + "); the kernel works, it starts slower");
                }
            }
            for (String logo : LOGOS) copyResource(logo, target.resolve(logo));
            Path next = target.resolve("kernel.json.new");
            Files.writeString(next, kernelJson(options, jars), StandardCharsets.UTF_8);
            Files.move(next, target.resolve("kernel.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(runtime);
            throw e;
        }
        removeOtherRuntimes(target, runtime);
        return target;
    }

    /**
     * Removes the racecourse kernelspec from {@code kernelsDir}; returns its folder, or empty when none was there.
     * A folder of that name that is not this course's kernel is left alone.
     */
    public static Optional<Path> uninstall(Path kernelsDir) throws IOException {
        Path target = kernelsDir.toAbsolutePath().resolve(NAME);
        if (!Files.isDirectory(target)) return Optional.empty();
        Path spec = target.resolve("kernel.json");
        if (Files.isRegularFile(spec) && !Files.readString(spec).contains("racecourse.kernel.Main")) {
            throw new IOException(target + " holds a kernel that is not the course's; left alone");
        }
        FileTrees.delete(target);
        return Optional.of(target);
    }

    /** What the kernelspec in {@code specDir} records about its install, or empty for an older or foreign one. */
    public static Optional<Installed> installedAt(Path specDir) {
        try {
            JsonObject spec = JsonParser.parseString(Files.readString(specDir.resolve("kernel.json"))).getAsJsonObject();
            Path java = Path.of(spec.getAsJsonArray("argv").get(0).getAsString());
            JsonObject metadata = spec.getAsJsonObject("metadata");
            JsonObject own = metadata == null ? null : metadata.getAsJsonObject(NAME);
            if (own == null) return Optional.of(new Installed(specDir, "unknown", 0, java, "unknown"));
            return Optional.of(new Installed(specDir, own.get("version").getAsString(),
                    own.get("build_stamp").getAsLong(), java, own.get("java_version").getAsString()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void removeOtherRuntimes(Path target, Path keep) {
        try (Stream<Path> entries = Files.list(target)) {
            entries.filter(p -> p.getFileName().toString().startsWith(RUNTIME_PREFIX) && !p.equals(keep))
                    .forEach(FileTrees::deleteQuietly);
        } catch (IOException e) {
            System.err.println("racecourse: could not tidy " + target + ": " + e.getMessage());
        }
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = KernelInstaller.class.getResourceAsStream("/racecourse/kernel/" + name)) {
            if (in == null) throw new IOException(name + " is missing from the kernel jar");
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    String kernelJson(List<String> options, List<Path> jars) throws IOException {
        String template;
        try (InputStream in = KernelInstaller.class.getResourceAsStream("/racecourse/kernel/kernel.json.template")) {
            if (in == null) throw new IOException("kernel.json.template is missing from the kernel jar");
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonObject spec = JsonParser.parseString(template).getAsJsonObject();
        JsonArray argv = new JsonArray();
        for (JsonElement word : spec.getAsJsonArray("argv")) {
            switch (word.getAsString()) {
                case "@JAVA@" -> argv.add(javaBinary.toString());
                case "@JVM_OPTIONS@" -> options.forEach(argv::add);
                case "@CLASSPATH@" -> argv.add(jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
                default -> argv.add(word);
            }
        }
        spec.add("argv", argv);
        Path root = courseRoot();
        JsonObject env = spec.has("env") ? spec.getAsJsonObject("env") : new JsonObject();
        if (root != null) env.addProperty("RACECOURSE_HOME", root.toString());
        else env.remove("RACECOURSE_HOME");
        spec.add("env", env);
        JsonObject metadata = spec.has("metadata") ? spec.getAsJsonObject("metadata") : new JsonObject();
        JsonObject own = new JsonObject();
        own.addProperty("version", version());
        own.addProperty("build_stamp", buildStamp());
        own.addProperty("built", FileTime.fromMillis(buildStamp()).toString());
        own.addProperty("java_home", System.getProperty("java.home"));
        own.addProperty("java_version", Runtime.version().toString());
        own.addProperty("installed_from", libDir.toString());
        metadata.add(NAME, own);
        spec.add("metadata", metadata);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** The build's version, from the kernel jar's manifest. */
    static String version() {
        String v = KernelInstaller.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "unknown" : v;
    }

    /**
     * What the training run records: the classes it loads and links, and no method profiles. Replayed in the
     * kernel, the training session's profiles made the JIT compile more at start-up and the first result came
     * later (medians of 13 starts, alternating: 0.96 s with them, 0.81 s without), and they would steer how the
     * JIT compiles the JDK methods that learners' code calls. Without them the kernel's JVM profiles only what
     * runs in it, as a plain {@code java} does.
     */
    static final List<String> RECORD_OPTIONS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");

    /** Records the classes a short session uses, then builds the cache from them; returns a problem or null. */
    private String recordCache(Path dir, List<Path> jars, Path cache) throws IOException {
        Path config = dir.resolve("kernel.aotconf");
        String classpath = jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        List<String> record = new ArrayList<>(List.of(javaBinary.toString()));
        record.addAll(JVM_OPTIONS);
        record.addAll(RECORD_OPTIONS);
        record.addAll(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + config, "-cp", classpath,
                "racecourse.kernel.Main", "--train"));
        String problem = run(record, dir);
        if (problem != null) return "training run failed: " + problem;
        List<String> create = new ArrayList<>(List.of(javaBinary.toString()));
        create.addAll(JVM_OPTIONS);
        create.addAll(RECORD_OPTIONS);
        create.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + cache,
                "-cp", classpath));
        problem = run(create, dir);
        Files.deleteIfExists(config);
        if (problem != null) return "cache creation failed: " + problem;
        return Files.exists(cache) ? null : "the JVM wrote no cache";
    }

    private static String run(List<String> command, Path dir) {
        ProcessResult result = ProcessRunner.of(command).directory(dir).mergeStderr().outputCap(64 * 1024)
                .timeout(AOT_STEP_LIMIT).run();
        if (result.timedOut()) return "timed out after " + AOT_STEP_LIMIT.toSeconds() + " s";
        if (result.exitCode() != 0) {
            List<String> lines = result.out().lines().toList();
            return "exit " + result.exitCode() + ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        }
        return null;
    }
}
