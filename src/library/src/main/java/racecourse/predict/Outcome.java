package racecourse.predict;

import java.text.DecimalFormat;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;

/**
 * A prediction beside its result: what the learner said, what happened, whether it was right (or within 25% for
 * a number), and how far off it was in words. One line of the learner's log. Immutable and thread-safe.
 *
 * @param lesson the lesson number
 * @param question the question
 * @param kind {@code number}, {@code choice} or {@code range}
 * @param predicted what the learner said, as text
 * @param actual what happened, as text
 * @param right whether the prediction was right (a number: within 25%)
 * @param howFar how far off, in words
 * @param distance how far off as a number (0 when right; 1 for a wrong choice)
 */
public record Outcome(String lesson, String question, String kind, String predicted, String actual, boolean right,
        String howFar, double distance) implements Displayable {
    private static final DecimalFormat NUMBER = new DecimalFormat("#,##0.###");

    /** The comparison as one sentence. */
    public String sentence() {
        return (right ? "✔ " : "✘ ") + question + ": you predicted " + predicted + "; the result was " + actual + "; " + howFar + ".";
    }

    @Override
    public MimeBundle toMimeBundle() {
        String md = "| | |\n|---|---|\n| **question** | " + question + " |\n| **your prediction** | " + predicted
                + " |\n| **result** | " + actual + " |\n| **how far off** | " + (right ? "✔ " : "✘ ") + howFar + " |";
        return new MimeBundle().with(MimeBundle.MARKDOWN, md).with(MimeBundle.TEXT, sentence());
    }

    static String number(double value) {
        synchronized (NUMBER) {
            return NUMBER.format(value);
        }
    }
}
