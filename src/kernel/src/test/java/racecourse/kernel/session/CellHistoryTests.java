package racecourse.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

class CellHistoryTests {
    private static final Set<ResultFlag> NONE = EnumSet.noneOf(ResultFlag.class);

    private static CellHistory sample() {
        CellHistory h = new CellHistory();
        h.record(1, "int a = 6;", null);
        h.record(2, "a * 7", "42");
        h.record(3, "a * 7", "42");
        h.record(4, "String s = \"x\";", null);
        return h;
    }

    private static List<Integer> lines(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getCellNumber).toList();
    }

    @Test
    void tailGivesTheLastCellsInOrder() {
        assertEquals(List.of(3, 4), lines(sample().lookupTail(2, NONE)));
        assertEquals(List.of(1, 2, 3, 4), lines(sample().lookupTail(10, NONE)));
    }

    @Test
    void rangeIsHalfOpenAndOnlyForThisSession() {
        assertEquals(List.of(2, 3), lines(sample().lookupRange(CellHistory.SESSION, 2, 4, NONE)));
        assertEquals(List.of(), lines(sample().lookupRange(CellHistory.SESSION + 1, 1, 4, NONE)));
    }

    @Test
    void searchMatchesGlobsKeepsTheLatestAndCanBeUnique() {
        assertEquals(List.of(2, 3), lines(sample().search("a *", 0, NONE)));
        assertEquals(List.of(3), lines(sample().search("a *", 1, NONE)));
        assertEquals(List.of(3), lines(sample().search("a *", 0, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of(2, 3), lines(sample().search("a ? 7", 0, NONE)));
        assertEquals(List.of(4), lines(sample().search("String*", 0, NONE)));
        assertEquals(List.of(), lines(sample().search("[a]*", 0, NONE))); // brackets are literal, not a class
    }

    @Test
    void outputOnlyWhenAskedAndEveryEntryGetsOneThen() {
        assertFalse(sample().lookupTail(1, NONE).get(0).hasOutput());
        List<HistoryEntry> withOutput = sample().lookupTail(4, EnumSet.of(ResultFlag.INCLUDE_OUTPUT));
        assertTrue(withOutput.stream().allMatch(HistoryEntry::hasOutput));
        assertEquals("42", withOutput.get(1).getOutput());
        assertEquals("", withOutput.get(0).getOutput());
    }
}
