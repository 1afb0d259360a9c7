package racecourse.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;

/**
 * An answer marked: right or not, and the explanation for each wrong option chosen and each right one missed.
 * Immutable and thread-safe.
 *
 * @param question the question answered
 * @param chosen the letters chosen
 * @param right whether the answer is exactly the right set
 * @param feedback one line per wrong option chosen or right option missed, or the explanation when right
 */
public record Marking(Question question, Set<String> chosen, boolean right, List<String> feedback) implements Displayable {
    /** Marks the letters chosen for a question. */
    public static Marking of(Question question, Set<String> chosen) {
        List<String> feedback = new ArrayList<>();
        for (String letter : new TreeSet<>(chosen)) {
            if (!question.correct().contains(letter)) feedback.add(letter + ") " + question.why().get(letter));
        }
        for (String letter : new TreeSet<>(question.correct())) {
            if (!chosen.contains(letter)) {
                String reason = question.why().get(letter);
                feedback.add("missed " + letter + ")" + (reason == null ? "" : ": " + reason));
            }
        }
        boolean right = feedback.isEmpty();
        if (right) feedback.add(question.explanation());
        return new Marking(question, Set.copyOf(chosen), right, List.copyOf(feedback));
    }

    /** The marking of a question not answered yet: it tells how to answer. */
    public static Marking unanswered(Question question) {
        return new Marking(question, Set.of(), false, List.of("not answered yet: put the letter(s) of your answer in the call, "
                + "for example check(\"" + question.id() + "\", \"a\")" + (question.kind() == Question.Kind.SELECT_ALL
                ? " or check(\"" + question.id() + "\", \"a\", \"c\")" : "") + ", and run the cell again"));
    }

    /** Whether an answer was given. */
    public boolean answered() {
        return !chosen.isEmpty();
    }

    /** The marking as text: a tick or a cross, then the feedback lines. */
    public String text() {
        if (!answered()) return "… " + feedback.getFirst();
        StringBuilder out = new StringBuilder(right ? "✔ Right. " : "✘ Not quite. ");
        if (right) return out.append(feedback.getFirst()).toString();
        for (String line : feedback) out.append("\n  * ").append(line);
        return out.toString();
    }

    @Override
    public MimeBundle toMimeBundle() {
        if (!answered()) return new MimeBundle().with(MimeBundle.MARKDOWN, "… _" + feedback.getFirst() + "_").with(MimeBundle.TEXT, text());
        StringBuilder md = new StringBuilder(right ? "✔ **Right.** " + feedback.getFirst() : "✘ **Not quite.**\n");
        if (!right) for (String line : feedback) md.append("\n* ").append(line);
        return new MimeBundle().with(MimeBundle.MARKDOWN, md.toString()).with(MimeBundle.TEXT, text());
    }
}
