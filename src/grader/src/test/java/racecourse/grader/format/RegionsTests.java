package racecourse.grader.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionsTests {
    private static final String CELL = """
            class Bank {
                // BEGIN SOLUTION
                private int secretField; // "{" in a string and a { in a comment
                // END SOLUTION
                int balance() {
                    // BEGIN SOLUTION
                    return secretField;
                    // END SOLUTION
                }
            }
            // BEGIN HIDDEN TESTS
            assert new Bank().balance() == 0;
            // END HIDDEN TESTS
            """;

    @Test
    void methodRegionsBecomeAThrowAndFieldRegionsAComment() {
        String stub = Regions.stub(CELL);
        assertFalse(stub.contains("secretField"), stub);
        assertFalse(stub.contains("assert"), stub);
        assertTrue(stub.contains("        " + Regions.STUB), stub);
        assertTrue(stub.contains("    " + Regions.FIELDS_STUB), stub);
        assertEquals(1, stub.lines().filter(l -> l.contains("UnsupportedOperationException")).count());
    }

    @Test
    void unmarkKeepsTheInstructorCode() {
        String full = Regions.unmark(CELL);
        assertTrue(full.contains("return secretField;"));
        assertFalse(full.contains("BEGIN"));
    }

    @Test
    void unclosedOrStrayMarkersAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> Regions.stub("// BEGIN SOLUTION\nsecret\n"));
        assertThrows(IllegalArgumentException.class, () -> Regions.stub("x\n// END SOLUTION\n"));
        assertThrows(IllegalArgumentException.class,
                () -> Regions.stub("// BEGIN SOLUTION\n// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS\n"));
    }
}
