package racecourse.patterns.threads;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import racecourse.process.ChildJvm;

/**
 * A child-JVM program: start some virtual threads that all block in the same way, and count the carrier threads
 * of the virtual-thread scheduler (the platform threads named {@code ForkJoinPool-N-worker-M}) while they are
 * blocked. Two ways of blocking: {@code file-read}, a read of a pipe with no data yet, which waits in the operating
 * system while holding its carrier, so the scheduler may add carriers to make up for it; and {@code wait},
 * {@code Object.wait} inside {@code synchronized}, which since JDK 24 (JEP 491) unmounts the virtual thread and
 * needs no extra carrier. The pipe is a named pipe (FIFO) where {@code mkfifo} exists (Linux, macOS, WSL);
 * elsewhere, or with {@code pipe-read}, each thread reads the standard output of a child process of its own that
 * writes nothing until it is told to end: the same blocking read of a pipe, on any system. A program run once;
 * each run's state is local to {@code main}, so it has no shared state to guard.
 *
 * <p>Usage: {@code CarrierCensus file-read|pipe-read|wait THREADS}. Output line: {@code carriers mode=...
 * source=fifo|child-pipes|monitor threads=... parallelism=... before=... during=... after=... blocked=...}, where
 * {@code during} is the largest carrier count seen while the threads were blocked and {@code blocked} how many of
 * them were seen blocked. {@code CarrierCensus silent} is the child: it reads its input to the end and prints nothing.
 */
public final class CarrierCensus {
    private static final long DEADLINE_NANOS = 5_000_000_000L;
    private static final List<String> MODES = List.of("file-read", "pipe-read", "wait");

    private CarrierCensus() {
    }

    /** Runs the census; exits 2 on bad arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("silent")) {
            System.in.transferTo(OutputStream.nullOutputStream()); // until the parent closes our input
            return;
        }
        if (args.length != 2 || !MODES.contains(args[0])) {
            System.err.println("usage: CarrierCensus file-read|pipe-read|wait THREADS");
            System.exit(2);
        }
        String mode = args[0];
        int threads = Integer.parseInt(args[1]);
        Thread.ofVirtual().start(() -> { }).join(); // start the scheduler before the first count
        int before = carriers();
        Blocked result = switch (mode) {
            case "wait" -> monitorWait(threads);
            case "pipe-read" -> childPipes(threads);
            default -> fifoRead(threads);
        };
        int after = carriers();
        System.out.printf("carriers mode=%s source=%s threads=%d parallelism=%d before=%d during=%d after=%d blocked=%d%n",
                mode, result.source(), threads, parallelism(), before, result.during(), after, result.blocked());
    }

    /** What one way of blocking gave: where the threads blocked, the most carriers seen, and how many blocked. */
    private record Blocked(String source, int during, int blocked) {
    }

    /** The number of carriers the scheduler is meant to keep running (its parallelism). */
    static int parallelism() {
        String set = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        return set != null ? Integer.parseInt(set) : Runtime.getRuntime().availableProcessors();
    }

    /** Counts the live platform threads that carry virtual threads, by their name. */
    static int carriers() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("ForkJoinPool-") && t.getName().contains("-worker-")) n++;
        }
        return n;
    }

    /** Makes a named pipe with {@code mkfifo}; false when there is no such command or it fails. */
    private static boolean mkfifo(Path fifo) throws InterruptedException {
        try {
            Process mk = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            mk.getInputStream().transferTo(OutputStream.nullOutputStream());
            return mk.waitFor() == 0;
        } catch (IOException noCommand) {
            return false;
        }
    }

    private static Blocked fifoRead(int threads) throws Exception {
        Path dir = Files.createTempDirectory("carriers");
        Path fifo = dir.resolve("pipe");
        try {
            if (!mkfifo(fifo)) return childPipes(threads);
            // The writer end opened read-write first, so that opening the reader does not wait for a writer.
            try (RandomAccessFile writer = new RandomAccessFile(fifo.toFile(), "rw");
                    FileInputStream pipe = new FileInputStream(fifo.toFile())) {
                int[] seen = blockedReads(threads, i -> pipe, () -> writer.write(new byte[threads])); // a byte per reader
                return new Blocked("fifo", seen[0], seen[1]);
            }
        } finally {
            Files.deleteIfExists(fifo);
            Files.deleteIfExists(dir);
        }
    }

    private static Blocked childPipes(int threads) throws Exception {
        List<String> command = ChildJvm.of(CarrierCensus.class)
                .jvmOptions(List.of("-Xmx16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"))
                .args(List.of("silent")).command();
        List<Process> children = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                children.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
            }
            int[] seen = blockedReads(threads, i -> children.get(i).getInputStream(), () -> {
                for (Process child : children) child.getOutputStream().close(); // each child ends, and its reader sees the end
            });
            for (Process child : children) child.waitFor();
            return new Blocked("child-pipes", seen[0], seen[1]);
        } finally {
            children.forEach(Process::destroy);
        }
    }

    /** Something that can fail with an I/O error, to release the readers. */
    private interface Release {
        void run() throws IOException;
    }

    /**
     * Starts {@code threads} virtual threads, thread {@code i} reading one byte of {@code source.apply(i)}; counts the
     * carriers while they wait; then releases them. Returns the most carriers seen and how many threads got to read.
     */
    private static int[] blockedReads(int threads, IntFunction<InputStream> source, Release release) throws Exception {
        CountDownLatch started = new CountDownLatch(threads);
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            InputStream in = source.apply(i);
            all.add(Thread.ofVirtual().start(() -> {
                started.countDown();
                try {
                    in.read(); // blocks in the operating system until a byte or the end arrives
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        // A pinned carrier that is not replaced leaves the other threads unstarted: wait with a deadline.
        started.await(DEADLINE_NANOS, TimeUnit.NANOSECONDS);
        // A thread blocked in a read shows as RUNNABLE; what we wait for is the carriers the scheduler adds.
        int reading = threads - (int) started.getCount();
        int during = carriers();
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        // When every thread started, the scheduler added carriers: wait for one per waiting reader to show.
        while (reading == threads && during < threads && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            during = Math.max(during, carriers());
        }
        release.run();
        for (Thread t : all) t.join();
        return new int[] {during, reading};
    }

    private static Blocked monitorWait(int threads) throws InterruptedException {
        Object monitor = new Object();
        boolean[] open = {false}; // guarded by monitor
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            all.add(Thread.ofVirtual().start(() -> {
                synchronized (monitor) {
                    while (!open[0]) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }));
        }
        int during = 0;
        int blocked = 0;
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (blocked < threads && System.nanoTime() < deadline) { // wait for the state itself: all WAITING
            blocked = (int) all.stream().filter(t -> t.getState() == Thread.State.WAITING).count();
            during = Math.max(during, carriers());
            Thread.onSpinWait();
        }
        during = Math.max(during, carriers());
        synchronized (monitor) {
            open[0] = true;
            monitor.notifyAll();
        }
        for (Thread t : all) t.join();
        return new Blocked("monitor", during, blocked);
    }
}
