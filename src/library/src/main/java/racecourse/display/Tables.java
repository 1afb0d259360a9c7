package racecourse.display;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Shows Tablesaw tables as HTML with a plain-text twin. Thread-safe. */
public final class Tables {
    /** Rows shown before the rest are summarised as "… N more rows". */
    public static final int MAX_ROWS = 200;

    private Tables() {
    }

    /** The table as HTML and as Tablesaw's own text layout. */
    public static MimeBundle toMimeBundle(Table table) {
        return new MimeBundle().with(MimeBundle.HTML, html(table)).with(MimeBundle.TEXT, text(table));
    }

    /** Tablesaw's aligned text form, at most {@link #MAX_ROWS} rows. */
    public static String text(Table table) {
        return table.rowCount() <= MAX_ROWS
                ? table.printAll()
                : table.print(MAX_ROWS) + "\n… " + (table.rowCount() - MAX_ROWS) + " more rows";
    }

    /** An HTML table with a caption naming the table, at most {@link #MAX_ROWS} rows. */
    public static String html(Table table) {
        StringBuilder out = new StringBuilder("<table class=\"racecourse-table\">");
        if (table.name() != null && !table.name().isBlank()) {
            out.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        out.append("<thead><tr>");
        for (String name : table.columnNames()) {
            out.append("<th>").append(escape(name)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        int shown = Math.min(table.rowCount(), MAX_ROWS);
        for (int row = 0; row < shown; row++) {
            out.append("<tr>");
            for (Column<?> column : table.columns()) {
                out.append("<td>").append(escape(column.getString(row))).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        if (table.rowCount() > shown) {
            out.append("<p>… ").append(table.rowCount() - shown).append(" more rows</p>");
        }
        return out.toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
