package racecourse.compile;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources with the running JDK's javac, in this JVM, and loads the result. A compile error reads as
 * javac prints it: {@code file:line: error: message}, the source line, a caret, and the error count. Annotation
 * processing is off unless the options ask for it. Thread-safe (stateless).
 */
public final class Javac {
    private Javac() {
    }

    /** Compiles {@code sources} into {@code out} against {@code classPath}; see {@link #compile(List, List, Path, List, List)}. */
    public static void compile(List<Path> sources, List<String> classPath, Path out) throws CompileException, IOException {
        compile(sources, classPath, out, List.of(), List.of());
    }

    /**
     * Compiles source files into {@code out}.
     *
     * @param classPath entries besides the output folder (may be empty)
     * @param options further javac options; {@code -processor ...} or any {@code -proc:} option turns annotation
     *     processing on or selects its mode, otherwise it stays off
     * @param classNames binary names of classes on the class path for the annotation processors (with
     *     {@code -proc:only}); empty for none
     * @throws CompileException when there is no compiler, a source file is missing, or javac rejects the sources
     */
    public static void compile(List<Path> sources, List<String> classPath, Path out, List<String> options,
                               List<String> classNames) throws CompileException, IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new CompileException("no Java compiler in this runtime: run with a JDK, not a JRE");
        for (Path p : sources) {
            if (!Files.isRegularFile(p)) throw new CompileException("no such source file: " + p);
        }
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-nowarn", "-Xlint:none", "-g"));
            if (!classPath.isEmpty()) args.addAll(List.of("-cp", String.join(File.pathSeparator, classPath)));
            if (options.stream().noneMatch(o -> o.equals("-processor") || o.startsWith("-proc:"))) args.add("-proc:none");
            args.addAll(options);
            Iterable<? extends JavaFileObject> units = sources.isEmpty() ? null : files.getJavaFileObjectsFromPaths(sources);
            StringWriter log = new StringWriter();
            boolean ok = javac.getTask(log, files, diagnostics, args, classNames.isEmpty() ? null : classNames, units)
                    .call();
            if (!ok) throw new CompileException(report(diagnostics.getDiagnostics(), log.toString()));
        }
    }

    /** javac's errors as it prints them, then anything else it logged (annotation processors' messages). */
    static String report(List<Diagnostic<? extends JavaFileObject>> diagnostics, String log) {
        StringBuilder msg = new StringBuilder();
        int errors = 0;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            errors++;
            Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
            msg.append(file == null ? "" : file + ":" + d.getLineNumber() + ": ").append("error: ")
                    .append(d.getMessage(Locale.ROOT)).append('\n');
            if (file != null && d.getLineNumber() > 0) {
                try {
                    String line = Files.readAllLines(file).get((int) d.getLineNumber() - 1);
                    msg.append(line).append('\n');
                    msg.append(" ".repeat((int) Math.max(0, d.getColumnNumber() - 1))).append("^\n");
                } catch (IOException | IndexOutOfBoundsException ignored) {
                    // the line cannot be shown; the message stands alone
                }
            }
        }
        if (!log.isBlank()) msg.append(log.strip()).append('\n');
        msg.append(errors).append(errors == 1 ? " error" : " errors");
        return msg.toString();
    }

    /**
     * A loader over class-path entries (folders and jars) whose parent is the loader of the course's libraries, so
     * that the loaded classes share the libraries' classes (jcstress's annotations, the explorer's API).
     */
    public static URLClassLoader loader(List<String> entries) {
        List<URL> urls = new ArrayList<>();
        for (String e : entries) {
            try {
                urls.add(Path.of(e).toUri().toURL());
            } catch (MalformedURLException ex) {
                throw new IllegalArgumentException("bad class path entry: " + e, ex);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), Javac.class.getClassLoader());
    }
}
