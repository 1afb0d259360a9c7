package racecourse.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.format.Notebook;

/** A submission whose locked cells were edited or lost their grade id is graded from the locked source, with a note. */
class LockedCellsTests {
    @Test
    void editedOrRenamedLockedCellsGetANote() throws Exception {
        Exercise bank = TestCourse.course().exercise("bank");
        Notebook instructor = bank.readNotebook();
        assertEquals(List.of(), Grader.lockedCellNotes(instructor, bank.readNotebook()));

        Notebook edited = bank.readNotebook();
        Notebook.Cell locked = edited.cells().stream()
                .filter(c -> Boolean.TRUE.equals(c.nbgrader().get("locked"))).findFirst().orElseThrow();
        String id = locked.gradeId();
        locked.setSource("System.out.println(\"14 / 14\");");
        List<String> notes = Grader.lockedCellNotes(instructor, edited);
        assertTrue(notes.size() == 1 && notes.get(0).contains(id) && notes.get(0).contains("edited"), notes.toString());

        locked.nbgrader().put("grade_id", id + "-mine");
        notes = Grader.lockedCellNotes(instructor, edited);
        assertTrue(notes.size() == 1 && notes.get(0).contains("missing"), notes.toString());
    }
}
