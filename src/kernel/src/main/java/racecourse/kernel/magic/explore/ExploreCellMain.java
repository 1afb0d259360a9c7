package racecourse.kernel.magic.explore;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import racecourse.explore.Explore;
import racecourse.explore.ExploreOptions;
import racecourse.explore.report.ExploreResult;

/**
 * The child JVM of a {@code %%explore} cell: evaluates the cell's Java snippets fresh in a JShell whose code runs in
 * this JVM, takes the value of the last one, which must be an {@link Explore} program, explores it with the
 * options given, and writes the result's display (PNG, HTML, text) as JSON. Nothing of earlier cells is there.
 *
 * <p>Usage: {@code ExploreCellMain CELL_FILE IMPORTS_FILE OUT_FILE [OPTIONS_LINE]}. Exit status: 0 explored (a
 * failure found is a result, not an error), 1 the cell threw or its last value is not a program, 2 it did not
 * compile or the options are wrong. Not thread-safe: one run per JVM.
 */
public final class ExploreCellMain {
    /** Exit status when the cell threw, or did not end with a program to explore. */
    public static final int NO_PROGRAM = 1;
    /** Exit status when the cell did not compile, or the options were wrong. */
    public static final int COMPILE_ERROR = 2;

    private static Object handed; // written and read by the main thread only (JShell's local engine runs there)

    private ExploreCellMain() {
    }

    /** Called from the cell's JShell with the value of its last expression. */
    public static void hand(Object value) {
        handed = value;
    }

    /** Runs the cell; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: ExploreCellMain CELL_FILE IMPORTS_FILE OUT_FILE [OPTIONS_LINE]");
            System.exit(COMPILE_ERROR);
        }
        ExploreOptions options;
        try {
            options = ExploreCellOptions.parse(args.length > 3 ? args[3] : "");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(COMPILE_ERROR);
            return;
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
            status = run(shell, cell);
        }
        if (status == 0) {
            if (!(handed instanceof Explore<?> program)) {
                System.err.println("error: the last line of a %%explore cell must be the program to explore, such as "
                        + "Explore.of(State::new).thread(...).thread(...).after(...); it was "
                        + (handed == null ? "null" : "a " + handed.getClass().getName()));
                status = NO_PROGRAM;
            } else {
                ExploreResult result = program.explore(options);
                Files.writeString(Path.of(args[2]), new Gson().toJson(result.toMimeBundle().data()),
                        StandardCharsets.UTF_8);
            }
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    private static int run(JShell shell, String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        int consumed = 0;
        String last = null;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
            boolean complete = info.completeness().isComplete();
            String source = complete ? info.source() : remaining;
            String rest = complete ? info.remaining() : "";
            for (SnippetEvent e : shell.eval(source)) {
                if (e.causeSnippet() != null) continue;
                if (e.status() == Snippet.Status.REJECTED) {
                    compileError(shell, e.snippet(), code, consumed);
                    return COMPILE_ERROR;
                }
                if (e.exception() != null) {
                    String name = e.exception() instanceof EvalException ee ? ee.getExceptionClassName()
                            : e.exception().getClass().getName();
                    System.err.println("Exception " + name
                            + (e.exception().getMessage() == null ? "" : ": " + e.exception().getMessage()));
                    return NO_PROGRAM;
                }
                last = valueName(e.snippet());
            }
            consumed += remaining.length() - rest.length();
            remaining = rest;
        }
        if (last == null) return 0;
        for (SnippetEvent e : shell.eval(ExploreCellMain.class.getName() + ".hand(" + last + ");")) {
            if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                System.err.println("error: could not take the cell's last value (" + last + ")");
                return NO_PROGRAM;
            }
        }
        return 0;
    }

    /** The name that holds a snippet's value, when the snippet is an expression, or null. */
    private static String valueName(Snippet s) {
        if (s == null) return null;
        return switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND -> ((jdk.jshell.VarSnippet) s).name();
            case VAR_VALUE_SUBKIND -> ((jdk.jshell.ExpressionSnippet) s).name();
            default -> null;
        };
    }

    /** Prints a rejected snippet's errors as javac does: position, message, the source line and a caret. */
    private static void compileError(JShell shell, Snippet snippet, String code, int start) {
        boolean any = false;
        for (Diag d : shell.diagnostics(snippet).toList()) {
            if (!d.isError()) continue;
            any = true;
            int at = Math.min(code.length(), start + (int) Math.max(0, d.getPosition()));
            int lineStart = code.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = code.indexOf('\n', at);
            if (lineEnd < 0) lineEnd = code.length();
            int line = (int) code.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            String message = d.getMessage(Locale.ENGLISH).lines().findFirst().orElse("");
            System.err.println("cell:" + line + ": error: " + message);
            System.err.println(code.substring(lineStart, lineEnd));
            System.err.println(" ".repeat(at - lineStart) + "^");
        }
        if (!any) System.err.println("cell: error: the snippet was rejected: " + snippet.source().strip());
        if (shell.diagnostics(snippet).anyMatch(d -> d.getMessage(Locale.ENGLISH).contains("cannot find symbol"))) {
            System.err.println("note: a %%explore cell runs on its own, in a new JVM: it gets the imports, classes and"
                    + " methods of earlier cells, but not their variables; declare in the cell what else it uses");
        }
    }
}
