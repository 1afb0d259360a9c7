package racecourse.grader.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV gradebook, one row per submission, appended to as each submission is graded and forced to disk, so a run
 * that is killed loses at most the row being written; a torn last line is dropped on reopening and that submission
 * is graded again. Thread-safe: appends hold the gradebook's lock.
 */
public final class Gradebook {
    /** The header line. */
    public static final String HEADER = "submission,score,max_score,status,seconds,failed";

    private final Object lock = new Object();
    private final Path file;
    private final Map<String, List<String>> rows = new LinkedHashMap<>(); // guarded by lock

    private Gradebook(Path file) {
        this.file = file;
    }

    /** Opens (or creates) a gradebook, keeping every complete row and dropping a torn last line. */
    public static Gradebook open(Path file) throws IOException {
        Gradebook book = new Gradebook(file);
        if (!Files.exists(file) || Files.size(file) == 0) {
            Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
            return book;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int lastNewline = text.lastIndexOf('\n');
        String complete = lastNewline < 0 ? "" : text.substring(0, lastNewline + 1);
        if (complete.length() != text.length()) {
            Files.writeString(file, complete.isEmpty() ? HEADER + "\n" : complete, StandardCharsets.UTF_8);
        }
        List<String> lines = complete.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            if (lines.isEmpty()) {
                Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
                return book;
            }
            throw new IllegalArgumentException(file + " is not a racecourse gradebook (its first line is not \""
                    + HEADER + "\"); choose another file");
        }
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = parse(line);
            if (!cells.isEmpty() && !cells.get(0).isEmpty()) {
                book.rows.put(cells.get(0), cells);
            }
        }
        return book;
    }

    /** True when the submission already has a row. */
    public boolean has(String submission) {
        synchronized (lock) {
            return rows.containsKey(submission);
        }
    }

    /** The rows by submission name. */
    public Map<String, List<String>> rows() {
        synchronized (lock) {
            return new LinkedHashMap<>(rows);
        }
    }

    /** Appends the row for a graded submission and forces it to disk. */
    public void add(GradeReport report) throws IOException {
        List<String> failed = new ArrayList<>();
        for (TestResult t : report.tests()) {
            if (!t.passed() && t.maxScore() > 0) {
                failed.add(t.name());
            }
        }
        String status = report.fullScore() ? "full" : !report.compileErrors().isEmpty() ? "compile-error"
                : "partial";
        add(List.of(report.submission(), Format.points(report.score()), Format.points(report.maxScore()), status,
                String.valueOf(report.elapsed().toSeconds()), String.join("; ", failed)));
    }

    /** Appends a row for a submission that could not be graded at all. */
    public void addError(String submission, String why) throws IOException {
        add(List.of(submission, "0", "", "error", "0", why));
    }

    private void add(List<String> cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(cells.get(i)));
        }
        line.append('\n');
        synchronized (lock) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            rows.put(cells.get(0), cells);
        }
    }

    private static String quote(String s) {
        String flat = s.replace('\n', ' ').replace('\r', ' ');
        if (flat.contains(",") || flat.contains("\"")) {
            return "\"" + flat.replace("\"", "\"\"") + "\"";
        }
        return flat;
    }

    /** Splits one CSV line. */
    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString());
        return cells;
    }
}
