package racecourse.stress.compile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.openjdk.jcstress.annotations.JCStressTest;
import racecourse.compile.CompileException;
import racecourse.compile.Javac;

/**
 * Compiles Java sources with jcstress on the class path, with or without jcstress's annotation processor (through
 * the course's one compiler helper, {@link Javac}), and finds the {@code @JCStressTest} classes in directories and
 * jars. Thread-safe (stateless).
 */
public final class SourceCompiler {
    /** jcstress's annotation processor, which writes the runner classes and {@code META-INF/TestList}. */
    public static final String PROCESSOR = "org.openjdk.jcstress.infra.processors.JCStressTestProcessor";

    private SourceCompiler() {
    }

    /** The class path this JVM runs with, plus the jars holding jcstress and this harness. */
    public static List<String> runtimeClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) entries.add(e);
        }
        for (Class<?> c : List.of(JCStressTest.class, SourceCompiler.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (Exception ignored) {
                // No code source (e.g. a custom loader): the java.class.path entries must do.
            }
        }
        return new ArrayList<>(entries);
    }

    /** Splits a class-path string into entries. */
    public static List<String> split(String classPath) {
        List<String> out = new ArrayList<>();
        if (classPath == null) return out;
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isBlank()) out.add(e);
        }
        return out;
    }

    /**
     * Compiles source files into {@code out} with {@link Javac}.
     *
     * @param classPath entries besides the output directory
     * @param withProcessor run jcstress's annotation processor (for the real jcstress); generated sources go to
     *     {@code generated}
     * @param options extra javac options (e.g. {@code -proc:only})
     * @param classNames binary class names to process from the class path (only with {@code -proc:only})
     */
    public static void compile(List<Path> sources, List<String> classPath, Path out, boolean withProcessor,
                               Path generated, List<String> options, List<String> classNames) throws CompileException {
        try {
            List<String> args = new ArrayList<>();
            if (withProcessor) {
                Files.createDirectories(generated);
                args.addAll(List.of("-processor", PROCESSOR, "-s", generated.toString()));
            }
            args.addAll(options);
            Javac.compile(sources, classPath, out, args, classNames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binary names of every class file under a directory or in a jar. */
    public static List<String> classNames(Path entry) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(entry)) {
            try (Stream<Path> walk = Files.walk(entry)) {
                walk.filter(p -> p.toString().endsWith(".class")).forEach(p -> names.add(toName(entry.relativize(p).toString())));
            }
        } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry.toFile())) {
                jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.endsWith(".class"))
                        .forEach(n -> names.add(toName(n)));
            }
        }
        names.removeIf(n -> n.endsWith("module-info") || n.endsWith("package-info"));
        names.sort(null);
        return names;
    }

    private static String toName(String relative) {
        return relative.substring(0, relative.length() - ".class".length()).replace(File.separatorChar, '.').replace('/', '.');
    }

    /** The {@code @JCStressTest} classes among the class files under the given entries, loaded by {@code loader}. */
    public static List<Class<?>> findTests(List<Path> entries, ClassLoader loader) throws IOException {
        List<Class<?>> tests = new ArrayList<>();
        for (Path entry : entries) {
            for (String name : classNames(entry)) {
                if (name.endsWith("_jcstress")) continue;
                try {
                    Class<?> c = Class.forName(name, false, loader);
                    if (c.isAnnotationPresent(JCStressTest.class)) tests.add(c);
                } catch (ClassNotFoundException | LinkageError skip) {
                    // Not loadable on its own (missing dependency): it cannot be a runnable test here.
                }
            }
        }
        return tests;
    }
}
