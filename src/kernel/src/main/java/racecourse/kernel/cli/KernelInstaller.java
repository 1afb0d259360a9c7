package racecourse.kernel.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the {@code racecourse} kernelspec: a {@code kernel.json} made from {@code kernel-setup/kernel.json.template}
 * that starts this JDK with the built jars, plus an ahead-of-time cache recorded from a training run so that
 * the kernel starts faster. Not thread-safe.
 */
public final class KernelInstaller {
    /** The kernelspec's name, as notebooks name it in their metadata. */
    public static final String NAME = "racecourse";

    /** Options every kernel JVM starts with. */
    static final List<String> JVM_OPTIONS = List.of("--enable-preview", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
            "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
            "-XX:+UseSerialGC", "-XX:-UsePerfData");

    private final Path javaBinary;
    private final Path libDir;

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

    /** The jars the kernel runs on, in a fixed order (the order matters to the ahead-of-time cache). */
    public List<Path> classpath() {
        try (Stream<Path> files = Files.list(libDir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
    public Path install(Path kernelsDir, boolean aot) throws IOException, InterruptedException {
        Path target = kernelsDir.resolve(NAME);
        Files.createDirectories(target);
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        Path cache = target.resolve("kernel.aot");
        Files.deleteIfExists(cache);
        if (aot) {
            String problem = recordCache(target, cache);
            if (problem == null) {
                options.add("-XX:AOTCache=" + cache);
            } else {
                System.err.println("racecourse: no start-up cache (" + problem + "); the kernel works, it starts slower");
            }
        }
        Files.writeString(target.resolve("kernel.json"), kernelJson(options), StandardCharsets.UTF_8);
        return target;
    }

    String kernelJson(List<String> options) throws IOException {
        String template;
        try (InputStream in = KernelInstaller.class.getResourceAsStream("/racecourse/kernel/kernel.json.template")) {
            if (in == null) throw new IOException("kernel.json.template is missing from the kernel jar");
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path root = courseRoot();
        return template
                .replace("\"@JVM_OPTIONS@\"", options.stream().map(KernelInstaller::quote).collect(Collectors.joining(", ")))
                .replace("\"@JAVA@\"", quote(javaBinary.toString()))
                .replace("\"@CLASSPATH@\"", quote(classpathString()))
                .replace("\"@HOME@\"", quote(root == null ? "" : root.toString()));
    }

    private String classpathString() {
        return classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** Records the classes a short session uses, then builds the cache from them; returns a problem or null. */
    private String recordCache(Path dir, Path cache) throws IOException, InterruptedException {
        Path config = dir.resolve("kernel.aotconf");
        List<String> record = new ArrayList<>(List.of(javaBinary.toString()));
        record.addAll(JVM_OPTIONS);
        record.addAll(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + config, "-cp", classpathString(),
                "racecourse.kernel.Main", "--train"));
        String problem = run(record, dir);
        if (problem != null) return "training run failed: " + problem;
        List<String> create = new ArrayList<>(List.of(javaBinary.toString()));
        create.addAll(JVM_OPTIONS);
        create.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + cache,
                "-cp", classpathString()));
        problem = run(create, dir);
        Files.deleteIfExists(config);
        if (problem != null) return "cache creation failed: " + problem;
        return Files.exists(cache) ? null : "the JVM wrote no cache";
    }

    private static String run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path log = Files.createTempFile("racecourse-aot", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                return "exit " + p.exitValue() + ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            }
            return null;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
