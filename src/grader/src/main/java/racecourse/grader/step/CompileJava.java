package racecourse.grader.step;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import racecourse.compile.CompileError;
import racecourse.compile.CompileException;
import racecourse.compile.Javac;

/**
 * The grader's compile step: compiles Java sources held in memory to class files held in memory with
 * {@link Javac}, against nothing but the JDK and the given class path, and gives the errors one line each.
 * Submitted code reaches it only inside the grading child JVM ({@link CompileInChild}). Thread-safe (stateless).
 */
public final class CompileJava {
    /** javac's options for grading: the course's release with preview features, compact diagnostics. */
    private static final List<String> OPTIONS = List.of("--release", "25", "--enable-preview", "-Xdiags:compact",
            "-encoding", "UTF-8");

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

    /** Compiles {@code sources} (file name to text) against {@code classPath} (may be null or empty). */
    public static Output compile(Map<String, String> sources, String classPath) {
        List<String> entries = classPath == null || classPath.isEmpty() ? List.of()
                : Arrays.asList(classPath.split(File.pathSeparator));
        try {
            return new Output(Javac.compileInMemory(sources, entries, OPTIONS), List.of());
        } catch (CompileException e) {
            List<String> errors = e.errors().stream().map(CompileError::oneLine).toList();
            if (errors.isEmpty()) errors = List.of(e.getMessage() == null || e.getMessage().isBlank()
                    ? "the compiler failed without a message" : e.getMessage());
            return new Output(Map.of(), errors);
        }
    }
}
