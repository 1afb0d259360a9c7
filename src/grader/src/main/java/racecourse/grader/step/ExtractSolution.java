package racecourse.grader.step;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import racecourse.grader.format.Notebook;

/**
 * Takes the learner's code out of a submitted notebook and turns it into one Java compilation unit.
 *
 * <p>The solution cells are those whose nbgrader {@code grade_id} is one of the instructor's solution cells; when a
 * submission lost its metadata, the code cell that declares the exercise's class is used instead. JShell snippets
 * that are not imports or type declarations (statements, top-level methods and variables a learner used to try
 * things) are left out and listed as notes. The kernel's default imports are added, so code that ran in the
 * notebook compiles here. Thread-safe (the shared source analyser is used under a lock).
 */
public final class ExtractSolution {
    /** Imports the course kernel puts in scope, as far as they concern solution code. */
    public static final List<String> DEFAULT_IMPORTS = List.of("java.io.*", "java.math.*", "java.util.*",
            "java.util.concurrent.*", "java.util.concurrent.atomic.*", "java.util.concurrent.locks.*",
            "java.util.function.*", "java.util.regex.*", "java.util.stream.*", "java.time.*");

    private static final Object LOCK = new Object();
    private static JShell shell; // guarded by LOCK

    private ExtractSolution() {
    }

    /**
     * The extracted code.
     *
     * @param unit      the compilation unit text (imports, then the declarations)
     * @param headerLines how many lines precede the learner's first line in {@code unit}
     * @param cells     how many cells were used
     * @param notes     remarks for the feedback (snippets left out, fallbacks taken)
     */
    public record Extracted(String unit, int headerLines, int cells, List<String> notes) {
    }

    /** Extracts the solution for the given solution grade ids and class name. */
    public static Extracted extract(Notebook submission, Set<String> gradeIds, String className) {
        List<String> notes = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Notebook.Cell cell : submission.cells()) {
            if ("code".equals(cell.type()) && cell.gradeId() != null && gradeIds.contains(cell.gradeId())) {
                sources.add(cell.source());
            }
        }
        if (sources.isEmpty()) {
            Pattern declares = Pattern.compile("\\b(class|record|enum|interface)\\s+" + Pattern.quote(className)
                    + "\\b");
            for (Notebook.Cell cell : submission.cells()) {
                if ("code".equals(cell.type()) && declares.matcher(cell.source()).find()) {
                    sources.add(cell.source());
                    notes.add("The solution cell's grader metadata (grade_id " + gradeIds
                            + ") is missing; the cell that declares " + className + " was graded instead.");
                    break;
                }
            }
        }
        Set<String> imports = new LinkedHashSet<>();
        for (String i : DEFAULT_IMPORTS) {
            imports.add("import " + i + ";");
        }
        StringBuilder body = new StringBuilder();
        for (String src : sources) {
            split(src, imports, body, notes);
        }
        StringBuilder unit = new StringBuilder();
        for (String i : imports) {
            unit.append(i).append('\n');
        }
        return new Extracted(unit.toString() + body, imports.size(), sources.size(), notes);
    }

    /**
     * Splits one cell into imports (moved to the header) and graded declarations. Everything that is not graded is
     * replaced by as many empty lines as it spanned, so line N of the cell stays line N of the body.
     */
    private static void split(String source, Set<String> imports, StringBuilder body, List<String> notes) {
        synchronized (LOCK) {
            if (shell == null) {
                shell = JShell.builder().executionEngine("local").build();
            }
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String rest = source;
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                String snippet = info.source();
                if (snippet == null || !info.completeness().isComplete()) {
                    body.append(rest).append('\n');
                    return;
                }
                String consumed = rest.substring(0, rest.length() - info.remaining().length());
                Snippet.Kind kind = kindOf(snippet);
                String trimmed = snippet.strip();
                if (kind == Snippet.Kind.TYPE_DECL || kind == Snippet.Kind.ERRONEOUS) {
                    body.append(consumed);
                } else {
                    if (kind == Snippet.Kind.IMPORT) {
                        imports.add(trimmed.endsWith(";") ? trimmed : trimmed + ";");
                    } else {
                        notes.add("Left out of grading (only imports and class declarations are graded): "
                                + firstLine(trimmed));
                    }
                    body.append("\n".repeat((int) consumed.chars().filter(c -> c == '\n').count()));
                }
                rest = info.remaining();
            }
            body.append('\n');
        }
    }

    /**
     * The kind of a complete snippet, read from its first tokens only. JShell's own {@code sourceToSnippets} type-checks
     * the snippet in this process, and code written to keep the compiler busy would hold the grader (and, through
     * the lock, every other grading) for minutes; the compiler runs only in the child JVM, under its limit.
     */
    static Snippet.Kind kindOf(String snippet) {
        String s = LEADING.matcher(snippet).replaceFirst("");
        if (s.startsWith("import ") || s.startsWith("import\t") || s.startsWith("import\n")) {
            return Snippet.Kind.IMPORT;
        }
        return TYPE_START.matcher(s).lookingAt() ? Snippet.Kind.TYPE_DECL : Snippet.Kind.STATEMENT;
    }

    /** Comments and blank space before a snippet's first token. */
    private static final Pattern LEADING = Pattern.compile("\\A(?:\\s+|//[^\\n]*\\n?|/\\*(?s:.*?)\\*/)*");

    /** Annotations and modifiers, then the keyword that starts a type declaration. */
    private static final Pattern TYPE_START = Pattern.compile("(?:(?:@\\s*[\\w.]+(?:\\s*\\([^)]*\\))?|public|protected"
            + "|private|abstract|static|final|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|enum|record|@\\s*interface)"
            + "\\s+[\\p{javaJavaIdentifierStart}]");

    private static String firstLine(String s) {
        Matcher m = Pattern.compile("\\R").matcher(s);
        return m.find() ? s.substring(0, m.start()) + " ..." : s;
    }
}
