package racecourse.grader.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Marked regions in cell source: {@code BEGIN SOLUTION}/{@code END SOLUTION} and
 * {@code BEGIN HIDDEN TESTS}/{@code END HIDDEN TESTS}, on lines of their own (any comment marker).
 *
 * <p>Thread-safe (stateless).
 */
public final class Regions {
    /** The stub the release puts in place of a solution region inside a method body. */
    public static final String STUB = "throw new UnsupportedOperationException(\"exercise: write this\");";

    private Regions() {
    }

    /** True when the text holds a solution region. */
    public static boolean hasSolution(String text) {
        return text.lines().anyMatch(l -> l.contains("BEGIN SOLUTION"));
    }

    /** Removes the marker lines and keeps what is between them (the instructor's full code). */
    public static String unmark(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : splitKeepingEnds(text)) {
            if (!isMarker(line)) {
                out.append(line);
            }
        }
        return out.toString();
    }

    /** The text a class-body or top-level solution region becomes in the release. */
    public static final String FIELDS_STUB = "// exercise: add what you need here";

    /**
     * Replaces each solution region with a stub that compiles, and drops hidden-test regions: inside a method body
     * (brace depth two or more) the stub is {@link #STUB}; at class-body or top level it is {@link #FIELDS_STUB}.
     * Fails when a region is not closed, so an unclosed marker cannot leak a solution.
     */
    public static String stub(String text) {
        return strip(text, null);
    }

    /**
     * Replaces each solution region with {@code replacement} (or, when null, the stub for its brace depth), indented
     * like the marker line, and drops hidden-test regions. Fails when a region is not closed.
     */
    public static String strip(String text, String replacement) {
        StringBuilder out = new StringBuilder();
        String open = null;
        int openLine = 0;
        int n = 0;
        for (String line : splitKeepingEnds(text)) {
            n++;
            if (open == null) {
                if (line.contains("BEGIN SOLUTION")) {
                    open = "SOLUTION";
                    openLine = n;
                    String indent = line.substring(0, line.length() - line.stripLeading().length());
                    String r0 = replacement != null ? replacement
                            : braceDepth(out) >= 2 ? STUB : FIELDS_STUB;
                    if (!r0.isEmpty()) {
                        for (String r : r0.split("\n", -1)) {
                            out.append(indent).append(r).append('\n');
                        }
                    }
                } else if (line.contains("BEGIN HIDDEN TESTS")) {
                    open = "HIDDEN TESTS";
                    openLine = n;
                } else if (line.contains("END SOLUTION") || line.contains("END HIDDEN TESTS")) {
                    throw new IllegalArgumentException("line " + n + ": end marker without a begin marker");
                } else {
                    out.append(line);
                }
            } else if (line.contains("END " + open)) {
                open = null;
            } else if (line.contains("BEGIN SOLUTION") || line.contains("BEGIN HIDDEN TESTS")) {
                throw new IllegalArgumentException("line " + n + ": nested region inside the one opened on line "
                        + openLine);
            }
        }
        if (open != null) {
            throw new IllegalArgumentException("line " + openLine + ": BEGIN " + open + " is never closed");
        }
        return out.toString();
    }

    /** Brace depth at the end of {@code code}, skipping string and character literals and comments. */
    static int braceDepth(CharSequence code) {
        int depth = 0;
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                while (i < n && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                i += 2;
                while (i + 1 < n && !(code.charAt(i) == '*' && code.charAt(i + 1) == '/')) {
                    i++;
                }
                i += 2;
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && code.charAt(i) != c) {
                    if (code.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
                i++;
            } else {
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                i++;
            }
        }
        return depth;
    }

    private static boolean isMarker(String line) {
        return line.contains("BEGIN SOLUTION") || line.contains("END SOLUTION")
                || line.contains("BEGIN HIDDEN TESTS") || line.contains("END HIDDEN TESTS");
    }

    private static List<String> splitKeepingEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
