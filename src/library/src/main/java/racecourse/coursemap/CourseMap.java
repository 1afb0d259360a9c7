package racecourse.coursemap;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the course's tables from the lessons' own metadata, so they cannot drift: the course map in
 * {@code notebooks/README.md}, the course table in {@code README.md}, the exercise table in
 * {@code docs/instructor.md}, its one-day schedule ({@link DaySchedule}) and the lesson-by-lesson evidence table in {@code docs/evidence.md}, each between {@code <!-- course-map:NAME -->} and {@code <!-- /course-map:NAME -->}.
 * Usage: {@code CourseMap [--check] [COURSE_ROOT]}; {@code --check} changes nothing and exits 1 when a table is
 * out of date. Thread-safe (no state).
 */
public final class CourseMap {
    private static final Pattern FILE = Pattern.compile("(\\d\\d)-[a-z0-9-]+\\.ipynb");
    private static final Pattern MINUTES = Pattern.compile("(?i)about\\s+(\\d+)\\s+minutes");

    /** One generated table: the file it lives in, relative to the course root, and its marker name. */
    public record Target(String file, String marker) {
    }

    /** Every table this generator owns. */
    public static final List<Target> TARGETS = List.of(new Target("notebooks/README.md", "lessons"),
            new Target("README.md", "course"), new Target("docs/instructor.md", "exercises"),
            new Target("docs/instructor.md", "schedule"), new Target("docs/evidence.md", "evidence"));

    private CourseMap() {
    }

    /** Regenerates the tables (or, with {@code --check}, compares them) under the course root given (default "."). */
    public static void main(String[] args) throws IOException {
        boolean check = false;
        Path root = Path.of(".");
        for (String arg : args) {
            if (arg.equals("--check")) check = true;
            else if (arg.startsWith("-")) {
                System.err.println("usage: CourseMap [--check] [COURSE_ROOT]");
                System.exit(2);
            } else root = Path.of(arg);
        }
        try {
            Map<Path, String> stale = stale(root);
            if (stale.isEmpty()) {
                System.out.println("course map: the tables match the notebooks' metadata");
                return;
            }
            if (check) {
                stale.keySet().forEach(p -> System.err.println("course map: out of date: " + p));
                System.exit(1);
            }
            for (Map.Entry<Path, String> e : stale.entrySet()) {
                Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
                System.out.println("course map: wrote " + e.getKey());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("course map: " + e.getMessage());
            System.exit(2);
        }
    }

    /** The files whose tables differ from what the metadata says, with their regenerated text. */
    public static Map<Path, String> stale(Path root) throws IOException {
        List<Lesson> lessons = read(root.resolve("notebooks"));
        validate(lessons, root);
        Map<Path, String> written = new LinkedHashMap<>();   // a file with several tables gets all of them
        for (Target target : TARGETS) {
            Path file = root.resolve(target.file());
            String text = written.containsKey(file) ? written.get(file) : Files.readString(file, StandardCharsets.UTF_8);
            written.put(file, replace(text, target, table(target.marker(), lessons), file));
        }
        Map<Path, String> out = new LinkedHashMap<>();
        for (Map.Entry<Path, String> e : written.entrySet()) {
            if (!e.getValue().equals(Files.readString(e.getKey(), StandardCharsets.UTF_8))) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Reads every lesson's metadata, in file-name order. */
    public static List<Lesson> read(Path notebooks) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(notebooks)) {
            files = list.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no lesson notebooks in " + notebooks);
        Gson gson = new Gson();
        List<Lesson> lessons = new ArrayList<>();
        for (Path file : files) {
            JsonObject nb;
            try {
                nb = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (JsonParseException | IllegalStateException e) {
                throw new IllegalArgumentException(file + " is not a notebook: " + e.getMessage());
            }
            JsonElement block = nb.getAsJsonObject("metadata").get("racecourse");
            if (block == null) throw new IllegalArgumentException(file + " has no \"racecourse\" block in its metadata");
            if (block.isJsonObject() && block.getAsJsonObject().has("minutes")) {
                throw new IllegalArgumentException(file + ": \"minutes\" in the metadata is not used: a lesson's time is computed"
                        + " from its cells (see LessonEvidence.minutes); remove it");
            }
            Lesson raw = gson.fromJson(block, Lesson.class);
            var cells = nb.getAsJsonArray("cells");
            List<LessonEvidence.Cell> texts = new ArrayList<>();
            for (JsonElement c : cells) {
                JsonObject cell = c.getAsJsonObject();
                JsonElement source = cell.get("source");
                String text = source == null ? "" : source.isJsonArray()
                        ? String.join("", source.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList())
                        : source.getAsString();
                texts.add(new LessonEvidence.Cell(cell.has("cell_type") ? cell.get("cell_type").getAsString() : "markdown", text));
            }
            String intro = texts.isEmpty() ? "" : texts.getFirst().text();
            LessonEvidence evidence = LessonEvidence.of(texts);
            lessons.add(new Lesson(raw.number(), raw.title(), raw.summary(), evidence.minutes(),
                    raw.prerequisites() == null ? List.of() : List.copyOf(raw.prerequisites()), raw.exercise(),
                    file.getFileName().toString(), intro, evidence));
        }
        return lessons;
    }

    /** Checks the metadata against the files and against itself; throws naming the first problem found. */
    public static void validate(List<Lesson> lessons, Path root) {
        List<String> seen = new ArrayList<>();
        for (Lesson l : lessons) {
            String where = "notebooks/" + l.file() + ": ";
            Matcher name = FILE.matcher(l.file());
            if (!name.matches() || !name.group(1).equals(l.number())) {
                throw new IllegalArgumentException(where + "metadata number " + l.number() + " does not match the file name");
            }
            if (l.title() == null || l.title().isBlank() || l.summary() == null || l.summary().isBlank()) {
                throw new IllegalArgumentException(where + "title and summary are required");
            }
            if (l.minutes() <= 0) throw new IllegalArgumentException(where + "minutes must be positive, not " + l.minutes());
            for (String p : l.prerequisites()) {
                if (!seen.contains(p)) throw new IllegalArgumentException(where + "prerequisite " + p + " is not an earlier lesson");
            }
            if (l.exercise() != null && !Files.exists(root.resolve("exercises").resolve(l.exercise().name() + ".ipynb"))) {
                throw new IllegalArgumentException(where + "exercise " + l.exercise().name() + " has no exercises/"
                        + l.exercise().name() + ".ipynb");
            }
            Matcher stated = MINUTES.matcher(l.intro());
            if (!stated.find()) {
                throw new IllegalArgumentException(where + "the first cell must state the lesson's time as \"about "
                        + l.minutes() + " minutes\"");
            }
            if (Integer.parseInt(stated.group(1)) != l.minutes()) {
                throw new IllegalArgumentException(where + "the first cell says about " + stated.group(1)
                        + " minutes but its content takes about " + l.minutes() + " (" + l.evidence().words() + " words, "
                        + l.evidence().codeCells() + " code cells, " + l.evidence().predictions().size() + " predictions, "
                        + l.evidence().questions().size() + " questions)");
            }
            seen.add(l.number());
        }
    }

    /** The Markdown of one generated table. */
    public static String table(String marker, List<Lesson> lessons) {
        StringBuilder out = new StringBuilder();
        switch (marker) {
            case "lessons" -> {
                out.append("| # | lesson | time | needs | exercise |\n|---|---|---|---|---|\n");
                int total = 0;
                for (Lesson l : lessons) {
                    total += l.minutes();
                    out.append("| ").append(l.number()).append(" | [").append(l.title()).append("](").append(l.file()).append("): ")
                            .append(l.summary()).append(" | ").append(l.minutes()).append(" min | ")
                            .append(l.prerequisites().isEmpty() ? "—" : String.join(", ", l.prerequisites())).append(" | ")
                            .append(l.exercise() == null ? "—" : "[" + l.exercise().name() + "](../exercises/" + l.exercise().name() + ".ipynb)")
                            .append(" |\n");
                }
                out.append("\nThe lessons add up to ").append(hours(total)).append(", plus the exercises.\n");
            }
            case "course" -> {
                out.append("| | lesson | exercise |\n|---|---|---|\n");
                for (Lesson l : lessons) {
                    out.append("| ").append(l.number()).append(" | [").append(l.title()).append("](notebooks/").append(l.file())
                            .append(") | ").append(l.exercise() == null ? "" : "`" + l.exercise().name() + "`").append(" |\n");
                }
            }
            case "exercises" -> {
                out.append("| lesson | exercise | what it checks |\n|---|---|---|\n");
                for (Lesson l : lessons) {
                    if (l.exercise() == null) continue;
                    out.append("| ").append(l.number()).append(" | `").append(l.exercise().name()).append("` | ")
                            .append(l.exercise().checks()).append(" |\n");
                }
            }
            case "schedule" -> out.append(DaySchedule.table(lessons));
            case "evidence" -> {
                out.append("| lesson | time | prose | code cells | predictions | checked against a result | checks for understanding"
                        + " | timings (child JVMs) |\n|---|---|---|---|---|---|---|---|\n");
                for (Lesson l : lessons) {
                    LessonEvidence e = l.evidence();
                    int predictions = e.predictions().size();
                    out.append("| ").append(l.number()).append(" | ").append(l.minutes()).append(" min | ")
                            .append(String.format(java.util.Locale.ROOT, "%,d words", e.words())).append(" | ").append(e.codeCells())
                            .append(" | ").append(predictions).append(" | ")
                            .append(predictions == 0 ? "—" : e.unchecked().isEmpty() ? "all" : "not " + String.join(", ", e.unchecked()))
                            .append(" | ").append(e.questions().size()).append(" (").append(e.questionList()).append(")")
                            .append(e.checksLast() ? "" : ", not at the end").append(" | ")
                            .append(e.timings() == 0 ? "—" : e.timings() + " × " + e.fewestRuns() + " runs").append(" |\n");
                }
                out.append("\nA lesson's time is computed, not typed: its prose before \"Going further\" at ")
                        .append(LessonEvidence.WORDS_PER_MINUTE).append(" words a minute, plus a minute for each code cell, each"
                        + " prediction and each question, rounded to 5 minutes.\n");
            }
            default -> throw new IllegalArgumentException("unknown table " + marker);
        }
        return out.toString();
    }

    private static String hours(int minutes) {
        int h = minutes / 60, m = minutes % 60;
        return (h > 0 ? h + " hour" + (h == 1 ? "" : "s") : "") + (h > 0 && m > 0 ? " " : "") + (m > 0 ? m + " minutes" : "");
    }

    /** Replaces the text between a target's markers; throws when the markers are missing. */
    static String replace(String text, Target target, String table, Path file) {
        String begin = "<!-- course-map:" + target.marker() + " (generated from the notebooks' metadata by racecourse.coursemap.CourseMap; do not edit) -->\n";
        String end = "<!-- /course-map:" + target.marker() + " -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) throw new IllegalArgumentException(file + " has no '" + begin.strip() + "' ... '" + end + "' markers");
        return text.substring(0, from + begin.length()) + table + text.substring(to);
    }
}
