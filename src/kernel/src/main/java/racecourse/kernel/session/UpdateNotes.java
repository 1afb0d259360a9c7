package racecourse.kernel.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * Says what a cell did to the declarations of earlier cells. JShell quietly redeclares an earlier variable, method
 * or class when a new snippet changes what its source means: an import can make a type name ambiguous, and a
 * class declared again resets every variable of that type. The kernel turns each such change into a note, so a
 * learner never finds a value gone without being told why. Stateless; thread-safe.
 */
final class UpdateNotes {
    private UpdateNotes() {
    }

    /** One note per earlier declaration that {@code events} made unusable or reset; empty when none was touched. */
    static List<String> of(List<SnippetEvent> events, JShell shell) {
        List<String> notes = new ArrayList<>();
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null || !(e.snippet() instanceof PersistentSnippet declared)) continue;
            Snippet.Status was = e.previousStatus();
            Snippet.Status now = e.status();
            if (now == Snippet.Status.OVERWRITTEN || now == Snippet.Status.DROPPED) continue; // declared anew, on purpose
            if (was != Snippet.Status.VALID) {
                if (now == Snippet.Status.VALID && declared instanceof VarSnippet variable) {
                    notes.add("note: variable " + variable.name() + " can be used again; it holds "
                            + valueOf(shell, variable) + ".");
                }
                continue;
            }
            String what = kind(declared) + " " + declared.name();
            String cause = describe(e.causeSnippet());
            if (now != Snippet.Status.VALID) {
                notes.add("note: " + what + " can no longer be used, because of " + cause + ": "
                        + firstError(shell, declared) + advice(e.causeSnippet()));
            } else if (declared instanceof VarSnippet variable) {
                notes.add("note: " + what + " was declared again because of " + cause + ", so its earlier value"
                        + " is gone; it now holds " + valueOf(shell, variable) + ".");
            }
        }
        return notes;
    }

    private static String kind(Snippet snippet) {
        return switch (snippet.kind()) {
            case VAR -> "variable";
            case METHOD -> "method";
            case TYPE_DECL -> "type";
            default -> "declaration";
        };
    }

    private static String describe(Snippet cause) {
        String first = cause.source().strip().lines().findFirst().orElse("").strip();
        if (first.length() > 60) first = first.substring(0, 57) + "...";
        return (cause.kind() == Snippet.Kind.IMPORT ? "this cell's import `" : "this cell's `") + first + "`";
    }

    private static String firstError(JShell shell, Snippet snippet) {
        return shell.diagnostics(snippet).filter(Diag::isError).findFirst()
                .map(d -> d.getMessage(Locale.ENGLISH).lines().findFirst().orElse("").strip())
                .orElse("it refers to something that is not declared now");
    }

    private static String advice(Snippet cause) {
        if (cause.kind() != Snippet.Kind.IMPORT) return ".";
        return ". Import the one type you need by its full name (for example `import java.util.List;`) instead of"
                + " a whole package, then run the earlier cell again.";
    }

    private static String valueOf(JShell shell, VarSnippet variable) {
        try {
            return shell.varValue(variable);
        } catch (RuntimeException notReadable) {
            return "its type's default value";
        }
    }
}
