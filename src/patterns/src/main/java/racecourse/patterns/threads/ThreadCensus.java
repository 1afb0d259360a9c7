package racecourse.patterns.threads;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * A child-JVM program that starts threads which all wait on one latch, and prints, at each checkpoint, how many
 * are alive and what the process uses: resident memory (RSS), the Java heap in use after a GC, and, when run with
 * {@code -XX:NativeMemoryTracking=summary}, the memory Native Memory Tracking charges to threads and their stacks.
 * Stops at the first thread it cannot start and says so. Run it through {@link racecourse.process.ChildJvm}, never in a notebook's
 * own JVM. Not thread-safe (a program, run once).
 *
 * <p>Usage: {@code ThreadCensus platform|virtual CHECKPOINT...}, e.g. {@code ThreadCensus virtual 0 10000 100000}.
 * Output lines: {@code census kind=virtual threads=10000 rssKb=... heapKb=... nmtThreadKb=... nmtStackKb=... nmtStackReservedKb=... failure=none}.
 */
public final class ThreadCensus {
    private static final Pattern NMT_THREAD = Pattern.compile("- +Thread \\(reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern NMT_STACK = Pattern.compile("\\(stack: reserved=(\\d+)KB, committed=(\\d+)KB");

    private ThreadCensus() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("platform") || args[0].equals("virtual"))) {
            System.err.println("usage: ThreadCensus platform|virtual CHECKPOINT...");
            System.exit(2);
        }
        boolean virtual = args[0].equals("virtual");
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        String failure = "";
        for (int a = 1; a < args.length && failure.isEmpty(); a++) {
            int target = Integer.parseInt(args[a]);
            int before = threads.size();
            CountDownLatch running = new CountDownLatch(Math.max(0, target - before));
            try {
                while (threads.size() < target) {
                    threads.add(builder.start(() -> {
                        running.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
                }
            } catch (OutOfMemoryError | RuntimeException e) {
                failure = e.toString().replace(' ', '_');
                while (running.getCount() > 0) running.countDown();
            }
            running.await();
            report(args[0], threads.size(), failure);
        }
        release.countDown();
        for (Thread t : threads) t.join();
    }

    private static void report(String kind, int threads, String failure) throws Exception {
        System.gc();
        long heapKb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
        long rssKb = rssKb();
        long[] nmt = nmtKb();
        System.out.printf("census kind=%s threads=%d rssKb=%d heapKb=%d nmtThreadKb=%d nmtStackKb=%d"
                + " nmtStackReservedKb=%d failure=%s%n", kind, threads, rssKb, heapKb, nmt[0], nmt[1], nmt[2], failure.isEmpty() ? "none" : failure);
        System.out.flush();
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }

    /** Committed KB for threads, committed and reserved KB for their stacks; -1 each when tracking is off. */
    private static long[] nmtKb() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            String summary = String.valueOf(text);
            Matcher thread = NMT_THREAD.matcher(summary);
            if (!thread.find()) return new long[] {-1, -1, -1};
            Matcher stack = NMT_STACK.matcher(summary.substring(thread.start()));
            boolean found = stack.find();
            return new long[] {Long.parseLong(thread.group(2)), found ? Long.parseLong(stack.group(2)) : -1,
                found ? Long.parseLong(stack.group(1)) : -1};
        } catch (Exception e) {
            return new long[] {-1, -1, -1};
        }
    }
}
