package racecourse.kernel.magic.explore;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import racecourse.explore.Explore;
import racecourse.explore.ExploreOptions;
import racecourse.explore.report.ExploreResult;
import racecourse.jshell.ChildCellShell;

/**
 * The child JVM of a {@code %%explore} cell: evaluates the cell's Java snippets fresh in a {@link ChildCellShell},
 * takes the value of the last one, which must be an {@link Explore} program, explores it with the options given,
 * and writes the result's display (PNG, HTML, text) as JSON. Earlier cells' classes and methods come first in the
 * cell file; their variables are not there.
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
        try (ChildCellShell shell = new ChildCellShell("%%explore", "racecourse.kernel.", imports, System.err)) {
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

    private static int run(ChildCellShell shell, String code) {
        String[] last = {null};
        ChildCellShell.Outcome outcome = shell.run(code, e -> last[0] = valueName(e.snippet()));
        if (outcome == ChildCellShell.Outcome.COMPILE_ERROR) return COMPILE_ERROR;
        if (outcome == ChildCellShell.Outcome.THREW) return NO_PROGRAM;
        if (last[0] == null) return 0;
        for (SnippetEvent e : shell.eval(ExploreCellMain.class.getName() + ".hand(" + last[0] + ");")) {
            if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                System.err.println("error: could not take the cell's last value (" + last[0] + ")");
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
}
