package racecourse.coursemap;

import java.util.List;

/**
 * One lesson as its notebook's {@code racecourse} metadata describes it, with what its cells hold. Immutable and
 * thread-safe.
 *
 * @param number two digits, as in the file name
 * @param title the short title
 * @param summary what the lesson covers, in a few words
 * @param minutes how long the lesson takes, computed from its cells ({@link LessonEvidence#minutes()})
 * @param prerequisites the numbers of the lessons it builds on
 * @param exercise its exercise, or null
 * @param file the notebook's file name
 * @param intro the text of the notebook's first cell (checked against {@code minutes})
 * @param evidence what the notebook's cells hold
 */
public record Lesson(String number, String title, String summary, int minutes, List<String> prerequisites,
        Exercise exercise, String file, String intro, LessonEvidence evidence) {
    /**
     * A lesson's exercise.
     *
     * @param name the exercise notebook's name, without {@code .ipynb}
     * @param checks what the exercise checks, in a few words
     */
    public record Exercise(String name, String checks) {
    }
}
