package racecourse.patterns.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class IconTrafficTimingTests {
    @Test
    void printsOneMeasureLinePerCacheAndThreadCount() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            IconTrafficTiming.main(new String[] {"20", "1", "2"});
        } finally {
            System.setOut(old);
        }
        List<String> lines = out.toString().lines().toList();
        assertEquals(List.of("eager,_1_thread", "locked,_1_thread", "eager,_2_threads", "locked,_2_threads"),
                lines.stream().map(l -> l.replaceAll("^measure variant=(\\S+) value=.*$", "$1")).toList(), lines.toString());
        for (String line : lines) assertTrue(Double.parseDouble(line.replaceAll(".* value=", "")) > 0, line);
        assertEquals("locked, 4 threads", IconTrafficTiming.variant(false, 4));
    }
}
