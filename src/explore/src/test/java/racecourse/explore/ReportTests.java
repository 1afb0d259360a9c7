package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import racecourse.display.MimeBundle;
import racecourse.explore.report.ExploreResult;

/** The result shows itself as a chart, a table and text with the same numbers, and as JSON. */
class ReportTests {
    static final class Box {
        int v;
    }

    private static ExploreResult result() {
        return Explore.of(Box::new)
                .thread(b -> { int x = b.v; b.v = x + 1; })
                .thread(b -> { int x = b.v; b.v = x + 1; })
                .after(b -> b.v)
                .explore(ExploreOptions.defaults().withStrategy("exhaustive"));
    }

    @Test
    void bundleHasPngTableAndTextWithTheCounts() {
        MimeBundle bundle = result().toMimeBundle();
        assertTrue(bundle.data().containsKey(MimeBundle.PNG));
        assertTrue(bundle.data().get(MimeBundle.HTML).contains("<td>result 1</td><td>4</td>"));
        String text = bundle.text();
        assertTrue(text.contains("Explored 6 schedules"), text);
        assertTrue(text.matches("(?s).*result 1\\s+4 .*"), text);
        assertTrue(text.matches("(?s).*result 2\\s+2 .*"), text);
        assertTrue(text.contains("sequentially consistent interleavings only"), text);
        assertTrue(!text.toLowerCase().contains("chance ") && !text.contains("probab"), text);
    }

    @Test
    void everyWitnessDrawsAsATimelineWithATextTwin() {
        ExploreResult r = result();
        for (String label : java.util.List.of("result 1", "result 2")) {
            racecourse.explore.report.Outcome o = r.outcome(label);
            assertEquals(4, o.steps().size(), o.steps().toString());
            racecourse.display.timeline.Timeline t = o.timeline();
            MimeBundle bundle = t.toMimeBundle();
            String png = bundle.data().get(MimeBundle.PNG);
            assertTrue(png != null && java.util.Base64.getDecoder().decode(png).length > 100, "a PNG");
            String text = bundle.text();
            assertTrue(text.startsWith(label + " - witness " + o.witness()), text);
            // one lane per thread, every step on its own thread's lane, in schedule order
            String[] letters = o.witness().split(" ");
            for (String lane : java.util.List.of("A", "B")) {
                String line = text.lines().filter(l -> l.startsWith("  thread " + lane + ":")).findFirst().orElseThrow();
                for (int i = 0; i < letters.length; i++) {
                    boolean mine = letters[i].equals(lane);
                    assertEquals(mine, line.contains("[" + (i + 1) + " "), "step " + (i + 1) + " in " + line);
                }
                assertTrue(line.contains("read v, Box#1") || line.contains("read v Box#1"), line);
                assertTrue(line.contains("write v"), line);
            }
        }
    }

    static final class LockedBox {
        final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        int v; // guarded by lock
    }

    @Test
    void aTimelineLabelNamesTheCallWithoutTheClassItsObjectAlreadyNames() {
        ExploreResult r = Explore.of(LockedBox::new)
                .thread(b -> { b.lock.lock(); try { b.v++; } finally { b.lock.unlock(); } })
                .thread(b -> { b.lock.lock(); try { b.v++; } finally { b.lock.unlock(); } })
                .after(b -> b.v)
                .explore();
        String text = r.outcome("result 2").timeline().toMimeBundle().text();
        String laneA = text.lines().filter(l -> l.startsWith("  thread A:")).findFirst().orElseThrow();
        assertTrue(laneA.contains(" lock ReentrantLock#") || laneA.contains(" lock, ReentrantLock#"), text);
        assertTrue(laneA.contains(" unlock"), text);
        assertTrue(!laneA.contains("ReentrantLock.lock") && !laneA.contains("ReentrantLock...."), text);
    }

    @Test
    void failureWitnessIsDrawnAsASwimlane() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> { int x = b.v; b.v = x + 1; })
                .thread(b -> { int x = b.v; b.v = x + 1; if (b.v != 2) throw new AssertionError("lost update"); })
                .explore();
        var o = r.witness();
        String lane = o.swimlane();
        assertEquals(o.steps().size() + 1, lane.lines().count(), lane);
        assertTrue(lane.lines().findFirst().orElseThrow().contains("thread A"), lane);
        assertTrue(lane.lines().findFirst().orElseThrow().contains("thread B"), lane);
        assertTrue(r.text().contains(lane.lines().skip(1).findFirst().orElseThrow().strip()), r.text());
    }

    @Test
    void jsonCarriesOutcomesAndWitnesses() {
        var json = JsonParser.parseString(result().toJson()).getAsJsonObject();
        assertEquals(6, json.get("schedules").getAsInt());
        var outcomes = json.getAsJsonArray("outcomes");
        assertEquals(2, outcomes.size());
        assertEquals("result 1", outcomes.get(0).getAsJsonObject().get("label").getAsString());
        assertEquals(4, outcomes.get(0).getAsJsonObject().get("schedules").getAsInt());
    }
}
