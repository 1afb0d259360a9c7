package racecourse.grader.step;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in memory to class files held in memory, with the JDK's compiler.
 * Thread-safe (each call uses its own file manager).
 */
public final class CompileJava {
    private CompileJava() {
    }

    /**
     * The outcome: class files by binary name, or the errors.
     *
     * @param classes class files by binary name (empty when compilation failed)
     * @param errors  compiler errors, one line each with file and line
     */
    public record Output(Map<String, byte[]> classes, List<String> errors) {
        /** True when there were no errors. */
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Compiles {@code sources} (file name to text) against {@code classPath} (may be empty). */
    public static Output compile(Map<String, String> sources, String classPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run the grader on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        JavaFileManagerInMemory files = new JavaFileManagerInMemory(std, out);
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new Source(name, text)));
        List<String> options = new ArrayList<>(List.of("--release", "25", "--enable-preview", "-proc:none",
                "-Xlint:none", "-Xdiags:compact", "-encoding", "UTF-8", "-g"));
        options.add("-cp");
        options.add(classPath == null ? "" : classPath);
        boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String where = d.getSource() == null ? "" : d.getSource().getName().replaceFirst("^/", "")
                        + ":" + d.getLineNumber() + ": ";
                errors.add(where + d.getMessage(Locale.ROOT));
            }
        }
        if (!ok && errors.isEmpty()) {
            errors.add("the compiler failed without a message");
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        if (ok) {
            out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        }
        return new Output(classes, errors);
    }

    /** A source file held in a string. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String name, String text) {
            super(URI.create("string:///" + name), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Sends class output to memory. Not thread-safe: one per compilation. */
    private static final class JavaFileManagerInMemory extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> out;

        JavaFileManagerInMemory(StandardJavaFileManager std, Map<String, ByteArrayOutputStream> out) {
            super(std);
            this.out = out;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            if (location != StandardLocation.CLASS_OUTPUT) {
                throw new IllegalArgumentException("unexpected output location " + location);
            }
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    out.put(className, bytes);
                    return bytes;
                }
            };
        }
    }
}
