package racecourse.compile;

/**
 * One error javac reported: where it stands and what it says. Immutable.
 *
 * @param file the source's name as the caller gave it (a path, or the name of a source held in memory); empty when
 *     the error belongs to no file
 * @param line the 1-based line, or 0 when there is none
 * @param column the 1-based column, or 0 when there is none
 * @param message javac's message (it may span several lines)
 * @param sourceLine the text of the line the error is on, or null when it cannot be shown
 */
public record CompileError(String file, long line, long column, String message, String sourceLine) {
    /** As javac prints it: {@code file:line: error: message}, then the source line and a caret under the column. */
    public String javacText() {
        StringBuilder b = new StringBuilder(where()).append("error: ").append(message);
        if (sourceLine != null) {
            b.append('\n').append(sourceLine);
            if (column > 0) b.append('\n').append(" ".repeat((int) column - 1)).append('^');
        }
        return b.toString();
    }

    /** On one line, without the source: {@code file:line: message}. */
    public String oneLine() {
        return where() + message;
    }

    private String where() {
        if (file.isEmpty()) return "";
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }
}
