package racecourse.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One question: its prompt (Markdown), its options, which of them are right, and why each wrong one is wrong.
 * Options are answered by their letter ({@code "a"}) or their text. Immutable and thread-safe.
 *
 * @param id the question's id, lesson number first ({@code "01.2"})
 * @param kind the kind of question
 * @param prompt the question, in Markdown (code blocks allowed)
 * @param options the options, in the order shown
 * @param correct the letters of the right options
 * @param why for each letter, why choosing it is wrong (for a wrong option) or why it is needed (for a right one)
 * @param explanation what the right answer shows, shown once it is found
 */
public record Question(String id, Kind kind, String prompt, List<String> options, Set<String> correct,
        Map<String, String> why, String explanation) {
    /** The kinds of question the course asks. */
    public enum Kind {
        /** One right option. */
        CHOICE,
        /** Every option that applies ("which of these outcomes can this program print?"). */
        SELECT_ALL,
        /** Which line of a listing needs the lock: options are the line labels. */
        LINE,
        /** Data race, race condition, both or neither. */
        RACE_KIND
    }

    /** The four fixed options of a {@link Kind#RACE_KIND} question. */
    public static final List<String> RACE_KINDS = List.of("a data race", "a race condition", "both", "neither");

    /** Checks that the options and answers fit together. */
    public Question {
        if (id == null || !id.matches("\\d\\d\\.\\d+")) throw new IllegalArgumentException("question id '" + id + "' is not like 01.2");
        if (kind == null) throw new IllegalArgumentException(id + ": no kind (CHOICE, SELECT_ALL, LINE or RACE_KIND)");
        if (prompt == null || prompt.isBlank()) throw new IllegalArgumentException(id + ": no prompt");
        if (explanation == null || explanation.isBlank()) throw new IllegalArgumentException(id + ": no explanation");
        if (kind == Kind.RACE_KIND && (options == null || options.isEmpty())) options = RACE_KINDS;
        if (options == null || correct == null) throw new IllegalArgumentException(id + ": needs options and the right answer");
        if (why == null) why = Map.of();
        options = List.copyOf(options);
        correct = Set.copyOf(correct);
        why = Map.copyOf(why);
        if (options.size() < 2 || options.size() > 26) throw new IllegalArgumentException(id + ": needs 2 to 26 options");
        for (String letter : correct) {
            if (index(letter) < 0 || index(letter) >= options.size()) throw new IllegalArgumentException(id + ": no option " + letter);
        }
        if (correct.isEmpty()) throw new IllegalArgumentException(id + ": no right answer");
        if (kind != Kind.SELECT_ALL && correct.size() != 1) throw new IllegalArgumentException(id + ": one right answer expected");
        for (int i = 0; i < options.size(); i++) {
            String letter = letter(i);
            if (!correct.contains(letter) && !why.containsKey(letter)) {
                throw new IllegalArgumentException(id + ": option " + letter + " is wrong but has no explanation");
            }
        }
    }

    /** The letter of option {@code i}: a, b, c, ... */
    public static String letter(int i) {
        return String.valueOf((char) ('a' + i));
    }

    private static int index(String letter) {
        return letter.length() == 1 ? letter.charAt(0) - 'a' : -1;
    }

    /** The lesson number, such as {@code "01"}. */
    public String lesson() {
        return id.substring(0, 2);
    }

    /** The question and its lettered options, as shown in a notebook's Markdown cell. */
    public String markdown() {
        StringBuilder out = new StringBuilder("**Question " + id + "** ");
        out.append(switch (kind) {
            case SELECT_ALL -> "(choose every one that applies)";
            case LINE -> "(choose the line)";
            default -> "(choose one)";
        }).append("\n\n").append(prompt.strip()).append("\n\n");
        for (int i = 0; i < options.size(); i++) out.append("* **").append(letter(i)).append(")** ").append(options.get(i)).append('\n');
        return out.toString().stripTrailing();
    }

    /**
     * Turns answers (letters or option texts, any case) into letters.
     *
     * @throws IllegalArgumentException naming the options when an answer is none of them
     */
    public Set<String> letters(List<String> answers) {
        Set<String> out = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String answer : answers) {
            String a = answer == null ? "" : answer.strip();
            String lower = a.toLowerCase(Locale.ROOT).replaceAll("\\)$", "");
            if (lower.length() == 1 && index(lower) >= 0 && index(lower) < options.size()) {
                out.add(lower);
                continue;
            }
            int match = -1;
            for (int i = 0; i < options.size(); i++) if (options.get(i).equalsIgnoreCase(a)) match = i;
            if (match >= 0) out.add(letter(match));
            else unknown.add("'" + a + "'");
        }
        if (!unknown.isEmpty()) {
            StringBuilder choices = new StringBuilder();
            for (int i = 0; i < options.size(); i++) choices.append(i == 0 ? "" : ", ").append(letter(i)).append(") ").append(options.get(i));
            throw new IllegalArgumentException("question " + id + ": " + String.join(", ", unknown)
                    + " is not one of the options; answer with a letter or an option's text: " + choices);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("question " + id + ": no answer given");
        return out;
    }
}
