package racecourse.kernel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import racecourse.kernel.execution.CellRun;

class OutputRouterTests {
    private record Published(CellRun run, boolean stderr, String text) {
    }

    private final List<Published> published = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private OutputRouter router;

    @BeforeEach
    void install() {
        savedOut = System.out;
        savedErr = System.err;
        router = new OutputRouter((run, stderr, text) -> {
            synchronized (published) {
                published.add(new Published(run, stderr, text));
            }
        }, new PrintStream(log, true, StandardCharsets.UTF_8), 64);
        router.install();
    }

    @AfterEach
    void restore() {
        router.close();
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void threadsStartedByACellPrintIntoThatCell() throws Exception {
        CellRun one = new CellRun(null, 1);
        CellRun two = new CellRun(null, 2);
        CellRun.CURRENT.set(one);
        Thread child = new Thread(() -> System.out.println("from child"));
        CellRun.CURRENT.set(two);
        System.out.println("from two");
        child.start();
        child.join();
        CellRun.CURRENT.remove();
        System.out.println("kernel");
        router.finish(one);
        router.finish(two);
        assertEquals(List.of(new Published(one, false, "from child\n")),
                published.stream().filter(p -> p.run() == one).toList());
        assertEquals(List.of(new Published(two, false, "from two\n")),
                published.stream().filter(p -> p.run() == two).toList());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("kernel"));
    }

    @Test
    void outputPastTheLimitIsDroppedWithOneNotice() {
        CellRun run = new CellRun(null, 3);
        CellRun.CURRENT.set(run);
        for (int i = 0; i < 20; i++) System.out.println("0123456789");
        CellRun.CURRENT.remove();
        router.finish(run);
        String out = published.stream().filter(p -> !p.stderr()).map(Published::text).reduce("", String::concat);
        String err = published.stream().filter(Published::stderr).map(Published::text).reduce("", String::concat);
        assertEquals(64, out.length());
        assertTrue(err.contains("output capped at 64 bytes; 156 more bytes were dropped"), err);
    }

    @Test
    void stdoutAndStderrKeepTheirOrder() {
        CellRun run = new CellRun(null, 4);
        CellRun.CURRENT.set(run);
        System.out.print("a");
        System.err.print("b");
        System.out.print("c");
        CellRun.CURRENT.remove();
        router.finish(run);
        assertEquals(List.of("a", "b", "c"), published.stream().map(Published::text).toList());
    }
}
