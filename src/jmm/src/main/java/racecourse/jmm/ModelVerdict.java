package racecourse.jmm;

/**
 * One model's verdict on a test's outcome, with the explanation when it is forbidden or contested (null when
 * allowed) and a note on the model's assumptions (may be empty). Immutable; thread-safe.
 */
public record ModelVerdict(Model model, Verdict verdict, Explanation explanation, String note) {
}
