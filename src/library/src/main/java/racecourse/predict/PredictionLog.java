package racecourse.predict;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;

/**
 * One learner's predictions, one JSON object a line, in {@code .racecourse/predictions.jsonl} beside the notebooks
 * (the working directory). Lines that cannot be read are skipped and counted, never rewritten, so nothing is lost.
 * Thread-safe (appends hold the log's lock).
 */
public final class PredictionLog {
    /** The log's place relative to the working directory. */
    public static final Path DEFAULT = Path.of(".racecourse", "predictions.jsonl");

    private record Entry(String time, String lesson, String question, String kind, String predicted, String actual,
            boolean right, String howFar, double distance) {
    }

    /** What the log holds: the outcomes read and how many lines could not be read. */
    public record Contents(List<Outcome> outcomes, int unreadable) {
    }

    private static final Gson GSON = new Gson();
    private final Path file;
    private final Object lock = new Object();

    /** A log kept in {@code file}. */
    public PredictionLog(Path file) {
        this.file = file;
    }

    /** The log in the working directory. */
    public static PredictionLog standard() {
        return new PredictionLog(Path.of(System.getProperty("user.dir")).resolve(DEFAULT));
    }

    /** Where the log is kept. */
    public Path file() {
        return file;
    }

    /** Appends an outcome and returns it. */
    public Outcome append(Outcome outcome) {
        Entry entry = new Entry(Instant.now().toString(), outcome.lesson(), outcome.question(), outcome.kind(),
                outcome.predicted(), outcome.actual(), outcome.right(), outcome.howFar(), outcome.distance());
        synchronized (lock) {
            try {
                if (file.getParent() != null) Files.createDirectories(file.getParent());
                Files.writeString(file, GSON.toJson(entry) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("could not record the prediction in " + file, e);
            }
        }
        return outcome;
    }

    /** Reads every outcome in the log, in the order they were made. */
    public Contents read() {
        List<Outcome> outcomes = new ArrayList<>();
        int unreadable = 0;
        List<String> lines;
        synchronized (lock) {
            if (!Files.exists(file)) return new Contents(List.of(), 0);
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        for (String line : lines) {
            if (line.isBlank()) continue;
            try {
                Entry e = GSON.fromJson(line, Entry.class);
                if (e == null || e.lesson == null || e.question == null) {
                    unreadable++;
                    continue;
                }
                outcomes.add(new Outcome(e.lesson, e.question, e.kind, e.predicted, e.actual, e.right, e.howFar, e.distance));
            } catch (JsonParseException ex) {
                unreadable++;
            }
        }
        return new Contents(outcomes, unreadable);
    }

    /** "Your predictions so far": how many were right, lesson by lesson, and each one beside its result. */
    public Displayable summary() {
        Contents contents = read();
        List<Outcome> all = contents.outcomes();
        StringBuilder md = new StringBuilder("### Your predictions so far\n\n");
        StringBuilder text = new StringBuilder("Your predictions so far\n");
        if (all.isEmpty()) {
            md.append("None yet: each lesson asks for one before its experiment, and they are collected here.");
            text.append("  none yet");
        } else {
            long right = all.stream().filter(Outcome::right).count();
            String head = String.format("%d of %d right (a number counts when within 25%%).", right, all.size());
            md.append(head).append("\n\n| lesson | right | made |\n|---|---|---|\n");
            text.append("  ").append(head).append('\n');
            Map<String, int[]> byLesson = new LinkedHashMap<>();
            all.stream().sorted(java.util.Comparator.comparing(Outcome::lesson))
                    .forEach(o -> { int[] c = byLesson.computeIfAbsent(o.lesson(), k -> new int[2]); c[1]++; if (o.right()) c[0]++; });
            byLesson.forEach((lesson, c) -> md.append("| ").append(lesson).append(" | ").append(c[0]).append(" | ").append(c[1]).append(" |\n"));
            md.append("\n| lesson | question | you said | result | how far off |\n|---|---|---|---|---|\n");
            for (Outcome o : all) {
                md.append("| ").append(o.lesson()).append(" | ").append(escape(o.question())).append(" | ").append(escape(o.predicted()))
                        .append(" | ").append(escape(o.actual())).append(" | ").append(o.right() ? "✔ " : "✘ ").append(escape(o.howFar())).append(" |\n");
                text.append("  ").append(o.lesson()).append(": ").append(o.sentence()).append('\n');
            }
        }
        if (contents.unreadable() > 0) {
            String skipped = contents.unreadable() + " line(s) of " + file + " could not be read and were skipped (the file is unchanged).";
            md.append("\n_").append(skipped).append("_\n");
            text.append("  ").append(skipped).append('\n');
        }
        String markdown = md.toString().stripTrailing();
        String plain = text.toString().stripTrailing();
        return () -> new MimeBundle().with(MimeBundle.MARKDOWN, markdown).with(MimeBundle.TEXT, plain);
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|").replace("\n", " ");
    }
}
