package racecourse.check;

import java.util.List;
import java.util.Set;

/**
 * The call a notebook makes under each question: {@code check("01.2", "b")} marks the answer at once and shows
 * why each wrong option is wrong. {@link #grade} is the same check for an autograder: it throws when the answer is
 * wrong. Thread-safe (static methods over the immutable bank).
 */
public final class Check {
    private Check() {
    }

    /** Marks an answer (letters or option texts) to a question of the course's bank; with none, says how to answer. */
    public static Marking check(String id, String... answers) {
        return check(QuestionBank.standard().get(id), answers);
    }

    /** Marks an answer to a given question; with no answer, says how to give one. */
    public static Marking check(Question question, String... answers) {
        if (answers.length == 0) return Marking.unanswered(question);
        return Marking.of(question, question.letters(List.of(answers)));
    }

    /** The markdown of a question of the course's bank, to show it in a notebook. */
    public static String question(String id) {
        return QuestionBank.standard().get(id).markdown();
    }

    /**
     * For autograding: passes when {@code answers} are exactly the letters {@code key} (as written in the answer key),
     * otherwise throws an {@link AssertionError} with the feedback.
     */
    public static void grade(String id, List<String> answers, List<String> key) {
        Question question = QuestionBank.standard().get(id);
        Set<String> chosen = question.letters(answers.isEmpty() ? List.of("") : answers);
        if (!chosen.equals(Set.copyOf(key))) {
            throw new AssertionError("question " + id + ": " + Marking.of(question, chosen).text());
        }
    }
}
