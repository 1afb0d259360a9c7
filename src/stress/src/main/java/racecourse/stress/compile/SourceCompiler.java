package racecourse.stress.compile;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jcstress.annotations.JCStressTest;

/**
 * Compiles Java sources with jcstress on the class path, with or without jcstress's annotation processor, and
 * finds the {@code @JCStressTest} classes in directories and jars. Thread-safe (stateless).
 */
public final class SourceCompiler {
    /** jcstress's annotation processor, which writes the runner classes and {@code META-INF/TestList}. */
    public static final String PROCESSOR = "org.openjdk.jcstress.infra.processors.JCStressTestProcessor";

    private SourceCompiler() {
    }

    /** Thrown when javac rejects the sources; the message is the compiler's. */
    public static final class CompileException extends Exception {
        public CompileException(String message) {
            super(message);
        }
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
     * Compiles source files into {@code out}.
     *
     * @param classPath entries besides the output directory
     * @param withProcessor run jcstress's annotation processor (for the real jcstress); generated sources go to
     *     {@code generated}
     * @param options extra javac options (e.g. {@code -proc:only})
     * @param classNames binary class names to process from the class path (only with {@code -proc:only})
     */
    public static void compile(List<Path> sources, List<String> classPath, Path out, boolean withProcessor,
                               Path generated, List<String> options, List<String> classNames) throws CompileException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new CompileException("no Java compiler in this runtime: run with a JDK, not a JRE");
        for (Path p : sources) {
            if (!Files.isRegularFile(p)) throw new CompileException("no such source file: " + p);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            Files.createDirectories(out);
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-nowarn", "-Xlint:none",
                    "-cp", String.join(File.pathSeparator, classPath)));
            if (withProcessor) {
                Files.createDirectories(generated);
                args.addAll(List.of("-processor", PROCESSOR, "-s", generated.toString()));
            } else if (!options.contains("-proc:only")) {
                args.add("-proc:none");
            }
            args.addAll(options);
            Iterable<? extends JavaFileObject> units = sources.isEmpty() ? null : files.getJavaFileObjectsFromPaths(sources);
            StringWriter log = new StringWriter();
            boolean ok = javac.getTask(log, files, diagnostics, args, classNames.isEmpty() ? null : classNames, units).call();
            if (!ok) {
                StringBuilder msg = new StringBuilder();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() != Diagnostic.Kind.ERROR) continue;
                    String where = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
                    msg.append(where).append("error: ").append(d.getMessage(Locale.ROOT)).append('\n');
                }
                msg.append(log);
                throw new CompileException(msg.toString().strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loader over the given entries whose parent is this harness's loader (so jcstress classes are shared). */
    public static URLClassLoader loader(List<String> entries) {
        List<URL> urls = new ArrayList<>();
        for (String e : entries) {
            try {
                urls.add(Path.of(e).toUri().toURL());
            } catch (MalformedURLException ex) {
                throw new IllegalArgumentException("bad class path entry: " + e, ex);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), SourceCompiler.class.getClassLoader());
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
