package racecourse.patterns.rwlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTimingTests {
    @Test
    void printsARateAndAWrongTotalsCountForEveryPointOfEveryBoard() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            ThroughputTiming.main(new String[] {"8", "1,2", "0.99", "20"});
        } finally {
            System.setOut(old);
        }
        List<String> lines = out.toString().lines().toList();
        List<String> rates = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            for (PriceBoards.Variant v : PriceBoards.variants()) {
                rates.add(Throughput.pointName(v.name(), threads, 0.99).replace(' ', '_'));
                wrong.add(Throughput.wrongTotalsName(v.name(), threads, 0.99).replace(' ', '_'));
            }
        }
        List<String> expected = new ArrayList<>(rates);
        expected.addAll(wrong);
        assertEquals(expected, lines.stream().map(l -> l.replaceAll("^measure variant=(\\S+) value=.*$", "$1")).toList(),
                lines.toString());
        for (String line : lines) {
            double value = Double.parseDouble(line.replaceAll(".* value=", ""));
            if (line.contains("wrong_totals")) assertEquals(0, value, "every board here is thread-safe: " + line);
            else assertTrue(value > 0, line);
        }
        assertEquals("mutex, 2 threads, 99% readers", Throughput.pointName("mutex", 2, 0.99));
        assertEquals("mutex, 1 thread, 10% readers", Throughput.pointName("mutex", 1, 0.1));
    }
}
