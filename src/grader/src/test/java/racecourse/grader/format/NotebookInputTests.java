package racecourse.grader.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hostile or broken notebook files get a clear {@link IllegalArgumentException}, never an {@link Error}. */
class NotebookInputTests {
    @Test
    void aFortyKilobyteNestOfBracketsIsRejectedWithAClearMessage() {
        String nest = "{\"cells\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Notebook.parse(nest, "deep.ipynb"));
        assertTrue(e.getMessage().startsWith("deep.ipynb is not a readable notebook: JSON nested deeper than"),
                e.getMessage());
    }

    @Test
    void truncatedJsonSaysWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Notebook.parse("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"x", "cut.ipynb"));
        assertTrue(e.getMessage().contains("cut.ipynb") && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void aNotebookSurvivesAReadWriteRound() {
        String text = "{\"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# <b>T</b> & é\"]}],"
                + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
        Notebook nb = Notebook.parse(text, "t.ipynb");
        assertEquals(1, nb.cells().size());
        String written = nb.toJson();
        assertTrue(written.contains("\"# <b>T</b> & é\""), written);
        assertEquals(written, Notebook.parse(written, "again.ipynb").toJson());
    }
}
