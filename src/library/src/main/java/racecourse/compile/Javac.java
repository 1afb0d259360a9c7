package racecourse.compile;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The course's one way to run javac: compiles in this JVM with the running JDK's compiler, from files into a
 * folder, a single-file program as {@code java File.java} does, or sources held in memory into class files held in
 * memory; and loads what was compiled. A compile error reads as javac prints it ({@code file:line: error: message},
 * the source line, a caret, and the error count) and is also at hand as {@link CompileError}s. Annotation
 * processing is off unless the options ask for it. This class sets no time limit: code that may keep the compiler
 * busy is compiled in a child JVM that calls it (the grader does so). Thread-safe (stateless).
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
     * @param classPath entries besides the output folder (empty: javac's default, this JVM's class path)
     * @param options further javac options; {@code -processor ...} or any {@code -proc:} option turns annotation
     *     processing on or selects its mode, otherwise it stays off
     * @param classNames binary names of classes on the class path for the annotation processors (with
     *     {@code -proc:only}); empty for none
     * @throws CompileException when there is no compiler, a source file is missing, or javac rejects the sources
     */
    public static void compile(List<Path> sources, List<String> classPath, Path out, List<String> options,
                               List<String> classNames) throws CompileException, IOException {
        JavaCompiler javac = compiler();
        requireFiles(sources);
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> args = arguments(out, classPath.isEmpty() ? null : classPath, options);
            Iterable<? extends JavaFileObject> units = sources.isEmpty() ? null : files.getJavaFileObjectsFromPaths(sources);
            StringWriter log = new StringWriter();
            boolean ok = javac.getTask(log, files, diagnostics, args, classNames.isEmpty() ? null : classNames, units)
                    .call();
            if (!ok) throw failure(diagnostics, log.toString(), namesOf(sources));
        }
    }

    /**
     * Compiles a single-file program into {@code out} as the source launcher ({@code java File.java}) does: with the
     * running JDK's release and preview features, any number of top-level classes, and a public class whose name
     * differs from the file's.
     *
     * @param classPath entries the program compiles against (empty: javac's default, this JVM's class path)
     * @return the binary name of the class the source launcher would run: the first top-level type the file
     *     declares when it is a class with a {@code main} method, else the class named after the file (which is also
     *     the name of an implicitly declared class)
     * @throws CompileException when there is no compiler, the file is missing, or javac rejects it
     */
    public static String compileProgram(Path source, List<String> classPath, Path out) throws CompileException, IOException {
        JavaCompiler javac = compiler();
        requireFiles(List.of(source));
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> args = arguments(out, classPath.isEmpty() ? null : classPath, List.of("--release",
                    Integer.toString(Runtime.version().feature()), "--enable-preview", "-Xlint:-preview",
                    "-implicit:class"));
            List<JavaFileObject> units = new ArrayList<>();
            for (JavaFileObject f : files.getJavaFileObjectsFromPaths(List.of(source))) {
                units.add(new AnyPublicName(f));
            }
            StringWriter log = new StringWriter();
            JavacTask task = (JavacTask) javac.getTask(log, files, diagnostics, args, null, units);
            String file = source.getFileName().toString();
            String named = file.endsWith(".java") ? file.substring(0, file.length() - ".java".length()) : file;
            String main = named;
            for (CompilationUnitTree unit : task.parse()) {
                main = launchedClass(unit, named);
            }
            if (errorCount(diagnostics) == 0) task.generate();
            if (errorCount(diagnostics) > 0) throw failure(diagnostics, log.toString(), namesOf(List.of(source)));
            return main;
        }
    }

    /**
     * Compiles sources held in memory into class files held in memory.
     *
     * @param sources source text by file name (such as {@code Bank.java}); errors name the file so
     * @param classPath the only entries the sources compile against besides the JDK (empty: none, never this JVM's
     *     class path)
     * @param options further javac options (for example {@code --release 25}, {@code --enable-preview})
     * @return class files by binary name, in the order javac wrote them
     * @throws CompileException when there is no compiler or javac rejects the sources
     */
    public static Map<String, byte[]> compileInMemory(Map<String, String> sources, List<String> classPath,
                                                      List<String> options) throws CompileException {
        JavaCompiler javac = compiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> written = new LinkedHashMap<>();
        Map<URI, String> names = new HashMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> {
            InMemorySource unit = new InMemorySource(name, text);
            units.add(unit);
            names.put(unit.toUri(), name);
        });
        try (InMemoryOutput files = new InMemoryOutput(javac.getStandardFileManager(diagnostics, Locale.ROOT, null),
                written)) {
            StringWriter log = new StringWriter();
            boolean ok = javac.getTask(log, files, diagnostics, arguments(null, classPath, options), null, units).call();
            if (!ok) throw failure(diagnostics, log.toString(), names);
        } catch (IOException e) {
            throw new CompileException("the compiler's files could not be closed: " + e.getMessage());
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        written.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
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

    private static JavaCompiler compiler() throws CompileException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new CompileException("no Java compiler in this runtime: run with a JDK, not a JRE");
        return javac;
    }

    private static void requireFiles(List<Path> sources) throws CompileException {
        for (Path p : sources) {
            if (!Files.isRegularFile(p)) throw new CompileException("no such source file: " + p);
        }
    }

    /**
     * javac's arguments: the output folder (null: the file manager decides), the class path (null: javac's default),
     * debugging information, no warnings, processing off unless {@code options} turn it on, then {@code options}.
     */
    private static List<String> arguments(Path out, List<String> classPath, List<String> options) {
        List<String> args = new ArrayList<>();
        if (out != null) args.addAll(List.of("-d", out.toString()));
        args.addAll(List.of("-nowarn", "-Xlint:none", "-g"));
        if (classPath != null) args.addAll(List.of("-cp", String.join(File.pathSeparator, classPath)));
        if (options.stream().noneMatch(o -> o.equals("-processor") || o.startsWith("-proc:"))) args.add("-proc:none");
        args.addAll(options);
        return args;
    }

    /** The name each source file goes by in messages: the path as the caller gave it. */
    private static Map<URI, String> namesOf(List<Path> sources) {
        Map<URI, String> names = new HashMap<>();
        for (Path p : sources) names.put(p.toAbsolutePath().normalize().toUri(), p.toString());
        return names;
    }

    /** The binary name of the first named top-level class in {@code unit}, or null. */
    /**
     * The class {@code java File.java} launches (JDK 25): the first top-level type, when it is a class (or record or
     * enum) that declares a method named {@code main}; otherwise the class named after the file.
     */
    private static String launchedClass(CompilationUnitTree unit, String named) {
        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
        for (Tree t : unit.getTypeDecls()) {
            if (!(t instanceof ClassTree c)) continue; // a stray semicolon
            boolean isClass = c.getKind() == Tree.Kind.CLASS || c.getKind() == Tree.Kind.RECORD
                    || c.getKind() == Tree.Kind.ENUM;
            boolean hasMain = c.getMembers().stream()
                    .anyMatch(m -> m instanceof MethodTree method && method.getName().contentEquals("main"));
            return isClass && hasMain && !c.getSimpleName().isEmpty() ? pkg + c.getSimpleName() : pkg + named;
        }
        return pkg + named;
    }

    private static long errorCount(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).count();
    }

    private static CompileException failure(DiagnosticCollector<JavaFileObject> diagnostics, String log,
                                            Map<URI, String> names) {
        List<CompileError> errors = errors(diagnostics.getDiagnostics(), names);
        return new CompileException(report(errors, log), errors);
    }

    /** javac's errors, each with its file named as the caller named it and the text of its line. */
    static List<CompileError> errors(List<Diagnostic<? extends JavaFileObject>> diagnostics, Map<URI, String> names) {
        List<CompileError> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            JavaFileObject source = d.getSource();
            long line = Math.max(0, d.getLineNumber());
            long column = Math.max(0, d.getColumnNumber());
            errors.add(new CompileError(source == null ? "" : nameOf(source, names), line, column,
                    d.getMessage(Locale.ROOT), source == null || line == 0 ? null : lineOf(source, line)));
        }
        return errors;
    }

    private static String nameOf(JavaFileObject source, Map<URI, String> names) {
        URI uri = source.toUri();
        String name = names.get(uri);
        if (name == null && "file".equals(uri.getScheme())) name = names.get(Path.of(uri).normalize().toUri());
        if (name == null) name = "file".equals(uri.getScheme()) ? Path.of(uri).toString() : source.getName();
        return name;
    }

    /** The text of line {@code line} (1-based) of {@code source}, or null when it cannot be read. */
    private static String lineOf(JavaFileObject source, long line) {
        try {
            return source.getCharContent(true).toString().lines().skip(line - 1).findFirst().orElse(null);
        } catch (IOException e) {
            return null; // the message stands alone
        }
    }

    /** javac's errors as it prints them, then anything else it logged (annotation processors' messages). */
    static String report(List<CompileError> errors, String log) {
        StringBuilder msg = new StringBuilder();
        for (CompileError e : errors) msg.append(e.javacText()).append('\n');
        if (!log.isBlank()) msg.append(log.strip()).append('\n');
        msg.append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
        return msg.toString();
    }

    /** A source file that javac accepts whatever public class it declares, as the source launcher does. */
    private static final class AnyPublicName extends ForwardingJavaFileObject<JavaFileObject> {
        AnyPublicName(JavaFileObject file) {
            super(file);
        }

        @Override
        public boolean isNameCompatible(String simpleName, JavaFileObject.Kind kind) {
            return kind == JavaFileObject.Kind.SOURCE;
        }
    }

    /** A source file held in a string. Immutable. */
    private static final class InMemorySource extends SimpleJavaFileObject {
        private final String text;

        InMemorySource(String name, String text) {
            super(URI.create("string:///" + name), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Sends class output to memory. Not thread-safe: one per compilation. */
    private static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> written;

        InMemoryOutput(StandardJavaFileManager files, Map<String, ByteArrayOutputStream> written) {
            super(files);
            this.written = written;
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
                    written.put(className, bytes);
                    return bytes;
                }
            };
        }
    }
}
