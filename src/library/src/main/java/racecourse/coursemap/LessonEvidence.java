package racecourse.coursemap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a lesson notebook holds, counted from its cells: its prose, its code cells, its structured predictions and
 * whether each is checked against a result, its checks for understanding, and its timings. The course map's
 * durations and the evidence table of {@code docs/evidence.md} are computed from it. Immutable and thread-safe.
 *
 * @param words words of Markdown before "Going further" (what a learner reads in class)
 * @param codeCells code cells before "Going further", not counting the {@code check(...)} cells
 * @param predictions the variables that hold a {@code Prediction.number/choice/range}, in order
 * @param unchecked the prediction variables that no later cell checks against a result
 * @param questions the ids of the questions the notebook shows, in order (a repeated id appears twice)
 * @param checksLast whether the questions form one section that only the exercise, "Going further" and "Next"
 *     sections follow
 * @param timings how many {@code Timing.of(...)} measurements it runs (each in child JVMs)
 * @param fewestRuns the smallest {@code .runs(N)} among its timings (the quick-mode N of
 *     {@code .runs(Settings.pick(N, M))}), or 0 without timings or when a timing's runs cannot be read
 * @param clockReads code cells that read a clock in the notebook's own JVM ({@code System.nanoTime},
 *     {@code currentTimeMillis})
 */
public record LessonEvidence(int words, int codeCells, List<String> predictions, List<String> unchecked,
        List<String> questions, boolean checksLast, int timings, int fewestRuns, int clockReads) {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’]+");
    private static final Pattern PREDICTION = Pattern.compile("\\b(\\w+)\\s*=\\s*Prediction\\.(number|choice|range)\\(");
    private static final Pattern QUESTION = Pattern.compile("^\\*\\*Question (\\d\\d\\.\\d+)\\*\\*");
    private static final Pattern RUNS = Pattern.compile("\\.runs\\((?:Settings\\.pick\\()?\\s*(\\d+)");
    private static final Pattern CLOCK = Pattern.compile("System\\.(nanoTime|currentTimeMillis)\\(");
    private static final Set<String> AFTER_CHECKS = Set.of("## Exercise", "## Going further", "## Next",
            "## Your predictions so far");

    /** Words read per minute, for the duration estimate. */
    public static final int WORDS_PER_MINUTE = 150;

    /** Copies the lists. */
    public LessonEvidence {
        predictions = List.copyOf(predictions);
        unchecked = List.copyOf(unchecked);
        questions = List.copyOf(questions);
    }

    /** One notebook cell: its type ("markdown" or "code") and its text. */
    public record Cell(String type, String text) {
    }

    /** Counts what the cells hold. */
    public static LessonEvidence of(List<Cell> cells) {
        int words = 0, code = 0, timings = 0, fewestRuns = 0, clocks = 0;
        boolean further = false;
        List<String> predictions = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        int firstQuestion = -1, lastQuestion = -1;
        boolean checksLast = true;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            String text = cell.text();
            if (cell.type().equals("markdown")) {
                if (text.startsWith("## Going further")) further = true;
                Matcher q = QUESTION.matcher(text);
                if (q.find()) {
                    questions.add(q.group(1));
                    if (firstQuestion < 0) firstQuestion = i;
                    lastQuestion = i;
                }
                if (!further) words += (int) WORD.matcher(text).results().count();
                continue;
            }
            if (!cell.type().equals("code")) continue;
            if (!further && !text.contains("check(\"")) code++;
            Matcher p = PREDICTION.matcher(text);
            while (p.find()) predictions.add(p.group(1));
            int at = text.indexOf("Timing.of(");
            while (at >= 0) {
                timings++;
                Matcher runs = RUNS.matcher(text.substring(at));
                int n = runs.find() ? Integer.parseInt(runs.group(1)) : 0;
                fewestRuns = fewestRuns == 0 ? n : Math.min(fewestRuns, n);
                at = text.indexOf("Timing.of(", at + 1);
            }
            if (CLOCK.matcher(text).find()) clocks++;
        }
        if (firstQuestion >= 0) {
            for (int i = firstQuestion; i < cells.size() && checksLast; i++) {
                String text = cells.get(i).text();
                boolean heading = cells.get(i).type().equals("markdown") && text.startsWith("## ");
                if (i > lastQuestion && heading && AFTER_CHECKS.stream().noneMatch(text::startsWith)) checksLast = false;
                if (i > firstQuestion && i < lastQuestion && heading) checksLast = false;
            }
        }
        List<String> unchecked = new ArrayList<>();
        for (String name : new LinkedHashSet<>(predictions)) {
            Pattern checked = Pattern.compile("\\b" + Pattern.quote(name) + "\\.check\\(");
            if (cells.stream().noneMatch(c -> c.type().equals("code") && checked.matcher(c.text()).find())) unchecked.add(name);
        }
        return new LessonEvidence(words, code, predictions, unchecked, questions, questions.isEmpty() || checksLast,
                timings, fewestRuns, clocks);
    }

    /**
     * The time a lesson takes in class, rounded to 5 minutes (at least 5): its prose at {@value #WORDS_PER_MINUTE}
     * words a minute, plus a minute for each code cell (run it, read its output), each prediction and each question.
     */
    public int minutes() {
        double raw = (double) words / WORDS_PER_MINUTE + codeCells + predictions.size() + questions.size();
        return Math.max(5, (int) Math.round(raw / 5) * 5);
    }

    /** The questions as a short range, such as "02.1–02.3", or "none". */
    public String questionList() {
        if (questions.isEmpty()) return "none";
        if (questions.size() == 1) return questions.getFirst();
        return questions.getFirst() + "–" + questions.getLast() + (Set.copyOf(questions).size() < questions.size() ? " (repeated)" : "");
    }
}
