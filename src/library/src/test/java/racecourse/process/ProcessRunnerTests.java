package racecourse.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProcessRunnerTests {
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @Test
    void capturesBothStreamsAndTheExitStatus() {
        ProcessResult r = ProcessRunner.of("sh", "-c", "echo out; echo err >&2; exit 3").timeout(GENEROUS).run();
        assertEquals(3, r.exitCode());
        assertEquals("out\n", r.out());
        assertEquals("err\n", r.err());
        assertFalse(r.timedOut());
        assertFalse(r.ok());
        ProcessException e = assertThrows(ProcessException.class, r::orThrow);
        assertTrue(e.getMessage().contains("exited with 3") && e.getMessage().contains("err"), e.getMessage());
    }

    @Test
    void keepsOnlyTheCapAndSaysHowMuchWasLeftOut() {
        ProcessResult r = ProcessRunner.of("sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x").outputCap(1000)
                .timeout(GENEROUS).run();
        assertEquals(0, r.exitCode());
        assertEquals(99_000, r.outDropped());
        assertTrue(r.out().startsWith("x".repeat(1000) + "\n[output capped at 1000 bytes; 99000 more bytes"), r.out());
    }

    @Test
    void feedsStandardInputAndHandsOverLines() {
        List<String> lines = new CopyOnWriteArrayList<>();
        ProcessResult r = ProcessRunner.of("cat").stdin("one\r\ntwo\nthree".getBytes(StandardCharsets.UTF_8))
                .onStdoutLine(lines::add).timeout(GENEROUS).run();
        assertEquals(0, r.exitCode());
        assertEquals(List.of("one", "two", "three"), lines);
    }

    @Test
    void givesAnEmptyStandardInputByDefault() {
        ProcessResult r = ProcessRunner.of("cat").timeout(GENEROUS).run();
        assertEquals(0, r.exitCode());
        assertEquals("", r.out());
    }

    @Test
    void mergesAndForwardsOutputWhenAsked() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        ProcessResult r = ProcessRunner.of("sh", "-c", "echo a; echo b >&2").mergeStderr()
                .forwardOutput(copy, copy).timeout(GENEROUS).run();
        assertTrue(r.out().contains("a\n") && r.out().contains("b\n"), r.out());
        assertEquals("", r.err());
        assertEquals(r.out(), copy.toString(StandardCharsets.UTF_8));
    }

    @Test
    void setsAndFiltersTheEnvironment() {
        ProcessResult r = ProcessRunner.of("sh", "-c", "echo \"$RC_PROBE:${HOME:-none}\"").keepOnlyEnvironment(List.of("PATH"))
                .environment("RC_PROBE", "set").timeout(GENEROUS).run();
        assertEquals("set:none\n", r.out());
    }

    @Test
    void aTimeoutKillsTheChildAndSaysSo() {
        ProcessResult r = ProcessRunner.of("sleep", "600").timeout(Duration.ofMillis(300)).run();
        assertTrue(r.timedOut());
        assertEquals(-1, r.exitCode());
        assertTrue(r.err().contains("killed after 300 ms"), r.err());
        assertTrue(assertThrows(ProcessException.class, r::orThrow).getMessage().contains("was killed"));
    }

    @Test
    void anInterruptKillsTheWholeTree() throws Exception {
        AtomicReference<Thread> runner = new AtomicReference<>();
        CompletableFuture<Long> grandchild = new CompletableFuture<>();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                ProcessRunner.of("sh", "-c", "sleep 600 & echo $!; wait").onStdoutLine(line -> {
                    grandchild.complete(Long.parseLong(line.trim()));
                    runner.get().interrupt();
                }).run();
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        runner.set(t);
        long pid = grandchild.get(60, TimeUnit.SECONDS);
        assertInstanceOf(ProcessException.class, outcome.get(60, TimeUnit.SECONDS));
        t.join();
        Optional<ProcessHandle> sleeper = ProcessHandle.of(pid);
        if (sleeper.isPresent()) sleeper.get().onExit().get(30, TimeUnit.SECONDS);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the grandchild survived");
    }

    @Test
    void aStopConditionEndsTheWholeTreeAndSaysSo() throws Exception {
        CompletableFuture<Long> grandchild = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        ProcessResult r = ProcessRunner.of("sh", "-c", "sleep 600 & echo $!; wait").onStdoutLine(line -> {
            grandchild.complete(Long.parseLong(line.trim()));
            stop.set(true);
        }).timeout(GENEROUS).stopWhen(() -> {
            asked.incrementAndGet();
            return stop.get();
        }).run();
        assertFalse(r.timedOut());
        assertTrue(r.err().contains("stopped on request"), r.err());
        assertTrue(asked.get() >= 1);
        long pid = grandchild.get(60, TimeUnit.SECONDS);
        Optional<ProcessHandle> sleeper = ProcessHandle.of(pid);
        if (sleeper.isPresent()) sleeper.get().onExit().get(30, TimeUnit.SECONDS);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the grandchild survived");
    }

    @Test
    void aStopConditionThatNeverTurnsChangesNothing() {
        ProcessResult r = ProcessRunner.of("sh", "-c", "echo done; exit 3").stopWhen(() -> false).timeout(GENEROUS)
                .run();
        assertEquals(3, r.exitCode());
        assertEquals("done\n", r.out());
        assertFalse(r.err().contains("stopped"), r.err());
        ProcessResult t = ProcessRunner.of("sleep", "600").stopWhen(() -> false).timeout(Duration.ofMillis(300)).run();
        assertTrue(t.timedOut(), "the timeout still applies with a stop condition");
    }

    @Test
    void aProgramThatCannotStartGivesAClearError() {
        ProcessException e = assertThrows(ProcessException.class,
                () -> ProcessRunner.of("/no/such/program", "x").run());
        assertTrue(e.getMessage().contains("could not start '/no/such/program x'"), e.getMessage());
    }

    @Test
    void aFailingLineListenerIsReportedAfterTheChildEnds() {
        ProcessException e = assertThrows(ProcessException.class, () -> ProcessRunner.of("sh", "-c", "seq 1 50000")
                .onStdoutLine(line -> {
                    throw new IllegalStateException("bad line " + line);
                }).timeout(GENEROUS).run());
        assertTrue(e.getMessage().contains("bad line 1"), e.getMessage());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> ProcessRunner.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ProcessRunner.of("true").timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ProcessRunner.of("true").outputCap(-1));
    }
}
