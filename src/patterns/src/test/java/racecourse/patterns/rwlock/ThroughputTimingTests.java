package racecourse.patterns.rwlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTimingTests {
    @Test
    void printsOneMeasureLinePerBoard() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            ThroughputTiming.main(new String[] {"8", "2", "0.99", "20"});
        } finally {
            System.setOut(old);
        }
        List<String> lines = out.toString().lines().toList();
        assertEquals(List.of("mutex", "read/write_lock", "StampedLock_(optimistic)"),
                lines.stream().map(l -> l.replaceAll("^measure variant=(\\S+) value=.*$", "$1")).toList(), lines.toString());
        for (String line : lines) assertTrue(Double.parseDouble(line.replaceAll(".* value=", "")) > 0, line);
    }
}
