package racecourse.jshell;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * A JShell for one cell that a child JVM runs on its own ({@code %%race}, {@code %%explore}): the cell's code runs
 * in this JVM, compiles against this JVM's class path with the preview features on, starts from the imports it is
 * given, and is evaluated snippet by snippet until the first compile error or exception, which is printed as javac
 * and the JVM would print it. Earlier cells' classes and methods come first in the cell's code, so they are
 * declared again here. Not thread-safe: one cell per JVM, on one thread.
 */
public final class ChildCellShell implements AutoCloseable {
    /** How a cell's run ended. */
    public enum Outcome {
        /** Every snippet compiled and ran. */
        RAN,
        /** A snippet threw; the exception has been printed. */
        THREW,
        /** A snippet did not compile; the compiler's messages have been printed. */
        COMPILE_ERROR
    }

    private final JShell shell;
    private final String magic;
    private final String toolPrefix;
    private final PrintStream err;

    /**
     * Starts JShell on this JVM's class path with {@code imports} (names without {@code import} and {@code ;};
     * blank lines are skipped).
     *
     * @param magic the cell magic's name, such as {@code %%race}, for the note on names the cell lacks
     * @param toolPrefix the package prefix of the child's own machinery (such as {@code racecourse.race.}), whose
     *     frames are left out of a printed stack trace
     * @param err where compile errors and exceptions are printed
     */
    public ChildCellShell(String magic, String toolPrefix, List<String> imports, PrintStream err) {
        this.magic = magic;
        this.toolPrefix = toolPrefix;
        this.err = err;
        this.shell = JShell.builder()
                .executionEngine("local")
                .compilerOptions("--enable-preview", "--source", Integer.toString(Runtime.version().feature()),
                        "-Xlint:-preview")
                .build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        for (String name : imports) {
            if (!name.isBlank()) shell.eval("import " + name.strip() + ";");
        }
    }

    /**
     * Evaluates {@code code} snippet by snippet; {@code each} sees the event of every snippet that compiled and ran
     * (not the events of snippets it caused to be redefined). Stops at the first compile error or exception.
     */
    public Outcome run(String code, Consumer<SnippetEvent> each) {
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
                    compileError(e.snippet(), code, consumed);
                    return Outcome.COMPILE_ERROR;
                }
                if (e.exception() != null) {
                    runtimeError(e.exception());
                    return Outcome.THREW;
                }
                each.accept(e);
            }
            consumed += remaining.length() - rest.length();
            remaining = rest;
        }
        return Outcome.RAN;
    }

    /** Evaluates one more snippet after the cell (for handing its value to the child's main); its events. */
    public List<SnippetEvent> eval(String snippet) {
        return shell.eval(snippet);
    }

    /** Whether a snippet is an expression, whose event carries the cell's value. */
    public static boolean isExpression(Snippet s) {
        if (s == null) return false;
        Snippet.SubKind k = s.subKind();
        return k == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND || k == Snippet.SubKind.VAR_VALUE_SUBKIND
                || k == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND;
    }

    /** Prints a rejected snippet's errors as javac does: position, message, the source line, a caret, details. */
    private void compileError(Snippet snippet, String code, int start) {
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
            err.println("cell:" + line + ": error: " + (message.isEmpty() ? "" : message.getFirst()));
            err.println(code.substring(lineStart, lineEnd));
            err.println(" ".repeat(at - lineStart) + "^");
            for (String m : message.subList(Math.min(1, message.size()), message.size())) err.println(m);
        }
        if (!any) err.println("cell: error: the snippet was rejected: " + snippet.source().strip());
        if (shell.diagnostics(snippet).anyMatch(d -> d.getMessage(Locale.ENGLISH).contains("cannot find symbol"))) {
            err.println("note: a " + magic + " cell runs on its own, in a new JVM: it gets the imports, classes and"
                    + " methods of earlier cells, but not their variables; declare in the cell what else it uses");
        }
    }

    /** Prints an exception a snippet threw, with the frames of the cell's code and of the course's libraries. */
    private void runtimeError(Exception reported) {
        if (reported instanceof UnresolvedReferenceException u) {
            err.println("error: " + u.getSnippet().source().strip().lines().findFirst().orElse("")
                    + " … uses names that are not declared in this cell");
            return;
        }
        String name = reported instanceof EvalException ee ? ee.getExceptionClassName() : reported.getClass().getName();
        err.println("Exception " + name + (reported.getMessage() == null ? "" : ": " + reported.getMessage()));
        for (StackTraceElement f : reported.getStackTrace()) {
            String c = f.getClassName();
            if (c.startsWith("REPL.") || !c.startsWith("jdk.") && !c.startsWith("java.")
                    && !c.startsWith(toolPrefix) && !c.startsWith(ChildCellShell.class.getPackageName() + ".")) {
                err.println("\tat " + f);
            }
        }
    }

    @Override
    public void close() {
        shell.close();
    }
}
