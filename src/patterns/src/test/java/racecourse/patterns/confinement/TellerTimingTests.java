package racecourse.patterns.confinement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TellerTimingTests {
    @Test
    void printsOneMeasureLinePerBank() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            TellerTiming.main(new String[] {"2", "200"});
        } finally {
            System.setOut(old);
        }
        List<String> lines = out.toString().lines().toList();
        assertEquals(List.of("teller", "unsafe_bank"),
                lines.stream().map(l -> l.replaceAll("^measure variant=(\\S+) value=.*$", "$1")).toList(), lines.toString());
        for (String line : lines) assertTrue(Double.parseDouble(line.replaceAll(".* value=", "")) > 0, line);
    }
}
