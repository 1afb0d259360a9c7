package racecourse.race.cell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * The child JVM of a {@code %%race} cell: evaluates one cell's Java snippets, fresh, in a JShell whose code
 * runs in this JVM (started with the detector agent tracking from the start), then waits for the threads the
 * cell left running and exits; the agent writes the report at exit. The cell sees the class path of this JVM
 * and the imports listed in the imports file, nothing of earlier cells.
 *
 * <p>Usage: {@code CellMain CELL_FILE IMPORTS_FILE VALUE_FILE}. Exit status: 0 the cell ran, 1 it threw,
 * 2 it did not compile. The value of a last expression is written to {@code VALUE_FILE}. Not thread-safe:
 * one run per JVM.
 */
public final class CellMain {
    /** Exit status when a snippet threw. */
    public static final int THREW = 1;
    /** Exit status when a snippet did not compile. */
    public static final int COMPILE_ERROR = 2;
    /** How long the cell's leftover threads get to finish before the report is closed. */
    public static final long GRACE_MILLIS = 5_000;

    private CellMain() {
    }

    /** Runs the cell; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: CellMain CELL_FILE IMPORTS_FILE VALUE_FILE");
            System.exit(COMPILE_ERROR);
        }
        String cell = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        List<String> imports = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        int status;
        try (JShell shell = JShell.builder()
                .executionEngine("local")
                .compilerOptions("--enable-preview", "--source", Integer.toString(Runtime.version().feature()),
                        "-Xlint:-preview")
                .build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            for (String name : imports) {
                if (!name.isBlank()) shell.eval("import " + name.strip() + ";");
            }
            status = run(shell, cell, Path.of(args[2]));
        }
        waitForCellThreads();
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    private static int run(JShell shell, String code, Path valueFile) throws IOException {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        int consumed = 0;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
            boolean complete = info.completeness().isComplete();
            String source = complete ? info.source() : remaining;
            String rest = complete ? info.remaining() : "";
            for (SnippetEvent e : shell.eval(source)) {
                if (e.causeSnippet() != null) continue;
                if (e.status() == Snippet.Status.REJECTED) {
                    compileError(shell, e.snippet(), code, consumed, System.err);
                    return COMPILE_ERROR;
                }
                if (e.exception() != null) {
                    runtimeError(e.exception(), System.err);
                    return THREW;
                }
                if (e.value() != null && isExpression(e.snippet())) {
                    Files.writeString(valueFile, e.value(), StandardCharsets.UTF_8);
                } else if (e.snippet() != null && e.status().isDefined()) {
                    Files.deleteIfExists(valueFile);
                }
            }
            consumed += remaining.length() - rest.length();
            remaining = rest;
        }
        return 0;
    }

    private static boolean isExpression(Snippet s) {
        if (s == null) return false;
        Snippet.SubKind k = s.subKind();
        return k == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND || k == Snippet.SubKind.VAR_VALUE_SUBKIND
                || k == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND;
    }

    /** Prints a rejected snippet's errors as javac does: position, message, the source line and a caret. */
    static void compileError(JShell shell, Snippet snippet, String code, int start, PrintStream out) {
        boolean any = false;
        for (Diag d : shell.diagnostics(snippet).toList()) {
            if (!d.isError()) continue;
            any = true;
            int at = Math.min(code.length(), start + (int) Math.max(0, d.getPosition()));
            int lineStart = code.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = code.indexOf('\n', at);
            if (lineEnd < 0) lineEnd = code.length();
            int line = (int) code.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            List<String> message = d.getMessage(Locale.ENGLISH).lines()
                    .filter(m -> !m.strip().matches("location: class\\s*")).toList();
            out.println("cell:" + line + ": error: " + (message.isEmpty() ? "" : message.getFirst()));
            out.println(code.substring(lineStart, lineEnd));
            out.println(" ".repeat(at - lineStart) + "^");
            for (String m : message.subList(Math.min(1, message.size()), message.size())) out.println(m);
        }
        if (!any) out.println("cell: error: the snippet was rejected: " + snippet.source().strip());
        if (shell.diagnostics(snippet).anyMatch(d -> d.getMessage(Locale.ENGLISH).contains("cannot find symbol"))) {
            out.println("note: a %%race cell runs on its own, in a new JVM: it gets the imports, classes and methods"
                    + " of earlier cells, but not their variables; declare in the cell what else it uses");
        }
    }

    private static void runtimeError(Exception reported, PrintStream out) {
        if (reported instanceof UnresolvedReferenceException u) {
            out.println("error: " + u.getSnippet().source().strip().lines().findFirst().orElse("")
                    + " … uses names that are not declared in this cell");
            return;
        }
        String name = reported instanceof EvalException ee ? ee.getExceptionClassName() : reported.getClass().getName();
        out.println("Exception " + name + (reported.getMessage() == null ? "" : ": " + reported.getMessage()));
        for (StackTraceElement f : reported.getStackTrace()) {
            if (f.getClassName().startsWith("REPL.") || !f.getClassName().startsWith("jdk.")
                    && !f.getClassName().startsWith("java.") && !f.getClassName().startsWith("racecourse.race.")) {
                out.println("\tat " + f);
            }
        }
    }

    private static void waitForCellThreads() throws InterruptedException {
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        List<Thread> others = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && !t.isDaemon() && t.isAlive()
                    && t.getThreadGroup() != null && !"system".equals(t.getThreadGroup().getName())) {
                others.add(t);
            }
        }
        for (Thread t : others) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) break;
            t.join(left);
        }
    }
}
