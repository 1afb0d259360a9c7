package racecourse.explore.cli;

import java.io.File;
import java.io.IOException;
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
 * Compiles a program's source files in-process and loads them; compile errors read as javac prints them
 * (file:line: error: message, the source line, a caret). Thread-safe (stateless).
 */
public final class JavaSources {
    /** Thrown when javac rejects the sources; the message is javac's. */
    public static final class CompileError extends Exception {
        private static final long serialVersionUID = 1L;

        CompileError(String message) {
            super(message);
        }
    }

    private JavaSources() {
    }

    /** Compiles {@code sources} into {@code out} against {@code classPath}. */
    public static void compile(List<Path> sources, List<String> classPath, Path out) throws CompileError, IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new CompileError("no Java compiler in this runtime: run with a JDK");
        for (Path p : sources) {
            if (!Files.isRegularFile(p)) throw new CompileError("no such source file: " + p);
        }
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn", "-g"));
            if (!classPath.isEmpty()) args.addAll(List.of("-cp", String.join(File.pathSeparator, classPath)));
            boolean ok = javac.getTask(null, files, diagnostics, args, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) throw new CompileError(format(diagnostics.getDiagnostics()));
        }
    }

    private static String format(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        StringBuilder msg = new StringBuilder();
        int errors = 0;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            errors++;
            String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).toString();
            msg.append(file).append(':').append(d.getLineNumber()).append(": error: ")
                    .append(d.getMessage(Locale.ROOT)).append('\n');
            if (d.getSource() != null && d.getLineNumber() > 0) {
                try {
                    String line = Files.readAllLines(Path.of(d.getSource().toUri())).get((int) d.getLineNumber() - 1);
                    msg.append(line).append('\n');
                    msg.append(" ".repeat((int) Math.max(0, d.getColumnNumber() - 1))).append("^\n");
                } catch (IOException | IndexOutOfBoundsException ignored) {
                    // the line cannot be shown; the message stands alone
                }
            }
        }
        msg.append(errors).append(errors == 1 ? " error" : " errors");
        return msg.toString();
    }

    /** A loader over class-path entries whose parent is the explorer's loader. */
    public static URLClassLoader loader(List<String> entries) {
        List<URL> urls = new ArrayList<>();
        for (String e : entries) {
            try {
                urls.add(Path.of(e).toUri().toURL());
            } catch (MalformedURLException ex) {
                throw new IllegalArgumentException("bad class path entry: " + e, ex);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), JavaSources.class.getClassLoader());
    }

    /** The name of the first top-level class in a source file that declares a main method, or the file's name. */
    public static String mainClass(Path source) throws IOException {
        String text = Files.readString(source);
        String pkg = "";
        var pm = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(text);
        if (pm.find()) pkg = pm.group(1) + ".";
        String fallback = source.getFileName().toString().replaceFirst("\\.java$", "");
        var cm = java.util.regex.Pattern.compile("(?m)^(?:public\\s+|final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)")
                .matcher(text);
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        while (cm.find()) {
            names.add(cm.group(1));
            starts.add(cm.start());
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? starts.get(i + 1) : text.length();
            if (text.substring(starts.get(i), end).matches("(?s).*\\bvoid\\s+main\\s*\\(.*")) return pkg + names.get(i);
        }
        return pkg + fallback;
    }
}
