package racecourse.patterns.threads;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child-JVM program: two busy virtual threads, A and B, each record their letter after every small chunk of
 * work, into one shared log. Virtual threads are not time-sliced, so with one carrier thread
 * ({@code -Djdk.virtualThreadScheduler.parallelism=1}) whichever starts first runs to the end before the other
 * starts, and the log is one run of A then one run of B; with two carriers they run side by side and the letters
 * interleave. Prints the log as runs, e.g. {@code AAAA… (400) BBBB… (400)}. Thread-safe log; a program run once.
 *
 * <p>Usage: {@code Interleaving [CHUNKS]}. Output lines: {@code log ...}, {@code runs n=...},
 * {@code carriers n=... names=...}.
 */
public final class Interleaving {
    private Interleaving() {
    }

    public static void main(String[] args) throws InterruptedException {
        int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        char[] log = new char[2 * chunks];
        AtomicInteger next = new AtomicInteger();
        Set<String> carriers = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] workers = new Thread[2];
        for (int w = 0; w < 2; w++) {
            char letter = (char) ('A' + w);
            workers[w] = Thread.ofVirtual().name(String.valueOf(letter)).start(() -> {
                try {
                    go.await(); // both are created before either starts its work
                } catch (InterruptedException e) {
                    return;
                }
                long sink = 0;
                for (int c = 0; c < chunks; c++) {
                    sink += work(20_000);
                    log[next.getAndIncrement()] = letter;
                    carriers.add(carrierOf(Thread.currentThread()));
                }
                if (sink == 42) System.out.print(""); // keep the work
            });
        }
        go.countDown();
        for (Thread t : workers) t.join();
        String text = new String(log);
        System.out.println("log " + compress(text));
        System.out.println("runs n=" + runs(text));
        System.out.println("carriers n=" + carriers.size() + " names=" + String.join(",", new TreeSet<>(carriers)));
    }

    /** A few microseconds of arithmetic. */
    static long work(int steps) {
        long h = 17;
        for (int i = 0; i < steps; i++) h = h * 31 + i;
        return h;
    }

    /** The carrier a virtual thread is mounted on, from its {@code toString}, e.g. {@code ForkJoinPool-1-worker-1}. */
    static String carrierOf(Thread t) {
        String s = t.toString();
        int at = s.lastIndexOf('@');
        return at < 0 ? "?" : s.substring(at + 1);
    }

    /** How many maximal runs of one letter the text has. */
    static int runs(String text) {
        int runs = 0;
        for (int i = 0; i < text.length(); i++) {
            if (i == 0 || text.charAt(i) != text.charAt(i - 1)) runs++;
        }
        return runs;
    }

    /** The text as runs: {@code A×12 B×3 A×5 …}, at most 24 runs shown. */
    static String compress(String text) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && text.charAt(j) == text.charAt(i)) j++;
            if (shown++ == 24) {
                out.append("…");
                break;
            }
            out.append(text.charAt(i)).append('×').append(j - i).append(' ');
            i = j;
        }
        return out.toString().trim();
    }
}
