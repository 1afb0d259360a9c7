package racecourse.race.bench.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The benchmark's programs, race-free and of the kinds the course runs: field loops, arrays, monitors,
 * collections, executors, queues, virtual threads. {@code main(name)} runs one in a fresh JVM and prints
 * {@code RESULT name nanos peakHeapBytes liveHeapBytes checksum} (time and peak: the medians of its measured
 * passes). Not thread-safe (one run per JVM).
 */
public final class Workloads {
    /** The workload names, in report order. */
    public static final List<String> NAMES = List.of("fields", "arrays", "monitors", "collections", "executor",
            "pipeline", "virtual-threads", "objects", "sweep", "sweep-per-access", "chm-alloc");

    /** The three workloads of the detector's cost goal: a lock loop, an array sweep, allocation through a map. */
    public static final List<String> GOAL = List.of("monitors", "sweep", "chm-alloc");

    private Workloads() {
    }

    /** Warm-up passes before the measured ones, in the same JVM. */
    public static final int WARM_UP = 2;
    /** Measured passes per JVM; the run's figures are their medians. */
    public static final int PASSES = 5;

    /**
     * Runs the workload named by {@code args[0]}: {@link #WARM_UP} passes, then {@link #PASSES} measured ones, each
     * after a full collection, and prints the medians of their times and peak heaps and the live heap after them.
     */
    public static void main(String[] args) throws Exception {
        String name = args[0];
        Supplier<Object> w = workload(name);
        for (int i = 0; i < WARM_UP; i++) {
            w.get();
        }
        long[] nanos = new long[PASSES];
        long[] peaks = new long[PASSES];
        Object result = null;
        for (int i = 0; i < PASSES; i++) {
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                p.resetPeakUsage();
            }
            long t0 = System.nanoTime();
            result = w.get();
            nanos[i] = System.nanoTime() - t0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                    peaks[i] += p.getPeakUsage().getUsed();
                }
            }
        }
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("RESULT " + name + " " + median(nanos) + " " + median(peaks) + " " + live + " "
                + checksum(result));
    }

    private static long median(long[] xs) {
        long[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long checksum(Object o) {
        return o instanceof Number n ? n.longValue() : o instanceof List<?> l ? l.size() : o.hashCode();
    }

    private static Supplier<Object> workload(String name) {
        return switch (name) {
            case "fields" -> Workloads::fields;
            case "arrays" -> Workloads::arrays;
            case "monitors" -> Workloads::monitors;
            case "collections" -> Workloads::collections;
            case "executor" -> Workloads::executor;
            case "pipeline" -> Workloads::pipeline;
            case "virtual-threads" -> Workloads::virtualThreads;
            case "objects" -> Workloads::objects;
            case "sweep" -> Workloads::sweep;
            case "sweep-per-access" -> Workloads::sweepPerAccess;
            case "chm-alloc" -> Workloads::chmAlloc;
            default -> throw new IllegalArgumentException("no workload " + name + "; known: " + NAMES);
        };
    }

    /** Particles moved in steps: instance field reads and writes in one thread. */
    static final class Particle {
        double x;
        double y;
        double vx;
        double vy;
    }

    static Object fields() {
        Particle[] ps = new Particle[2_000];
        Random r = new Random(1);
        for (int i = 0; i < ps.length; i++) {
            ps[i] = new Particle();
            ps[i].vx = r.nextDouble();
            ps[i].vy = r.nextDouble();
        }
        double sum = 0;
        for (int step = 0; step < 20_000; step++) {
            for (Particle p : ps) {
                p.x += p.vx;
                p.y += p.vy;
                if (p.x > 100) {
                    p.vx = -p.vx;
                }
                sum += p.x;
            }
        }
        return (long) sum;
    }

    /** A matrix product: array element reads and writes. */
    static Object arrays() {
        int n = 300;
        double[][] a = new double[n][n];
        double[][] b = new double[n][n];
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = i + j;
                b[i][j] = i - j;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i][k] * b[k][j];
                }
                c[i][j] = s;
            }
        }
        return (long) c[n - 1][n - 1];
    }

    /** One thread sweeps a large int array: fills it, then sums it, several passes. */
    static Object sweep() {
        int[] a = new int[4_000_000];
        long sum = 0;
        for (int pass = 0; pass < 5; pass++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = i + pass;
            }
            for (int i = 0; i < a.length; i++) {
                sum += a[i];
            }
        }
        return sum;
    }

    /**
     * The same sweep with each access under a condition that always holds: its loops are no sweeps for the
     * detector (an access that may be skipped cannot be recorded as a range), so each access has its own hook.
     */
    static Object sweepPerAccess() {
        int[] a = new int[4_000_000];
        long sum = 0;
        for (int pass = 0; pass < 5; pass++) {
            for (int i = 0; i < a.length; i++) {
                if (i >= 0) {
                    a[i] = i + pass;
                }
            }
            for (int i = 0; i < a.length; i++) {
                if (i >= 0) {
                    sum += a[i];
                }
            }
        }
        return sum;
    }

    /** Two threads allocate small lists and records and file them in a ConcurrentHashMap. */
    static Object chmAlloc() {
        ConcurrentHashMap<Integer, List<int[]>> shared = new ConcurrentHashMap<>();
        Runnable fill = () -> {
            for (int i = 0; i < 300_000; i++) {
                shared.computeIfAbsent(i % 5_000, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(new int[] {i, i * 2, i * 3});
                if (i % 50_000 == 0) {
                    shared.clear();
                }
            }
        };
        Thread t1 = new Thread(fill);
        Thread t2 = new Thread(fill);
        t1.start();
        t2.start();
        try {
            t1.join();
            t2.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return shared.size();
    }

    /** A counter guarded by a monitor, incremented by two threads. */
    static final class Counter {
        private long value; // guarded by this

        synchronized void increment() {
            value++;
        }

        synchronized long value() {
            return value;
        }
    }

    static Object monitors() {
        Counter c = new Counter();
        Runnable work = () -> {
            for (int i = 0; i < 4_000_000; i++) {
                c.increment();
            }
        };
        Thread t1 = new Thread(work);
        Thread t2 = new Thread(work);
        t1.start();
        t2.start();
        try {
            t1.join();
            t2.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return c.value();
    }

    /** Word counts: a HashMap in one thread, then a ConcurrentHashMap filled by two. */
    static Object collections() {
        String[] words = new String[500];
        for (int i = 0; i < words.length; i++) {
            words[i] = "w" + i;
        }
        Map<String, Integer> counts = new HashMap<>();
        Random r = new Random(2);
        for (int i = 0; i < 1_000_000; i++) {
            counts.merge(words[r.nextInt(words.length)], 1, Integer::sum);
        }
        ConcurrentHashMap<String, Integer> shared = new ConcurrentHashMap<>();
        Runnable fill = () -> {
            for (int i = 0; i < 500_000; i++) {
                shared.merge(words[i % words.length], 1, Integer::sum);
            }
        };
        Thread t1 = new Thread(fill);
        Thread t2 = new Thread(fill);
        t1.start();
        t2.start();
        try {
            t1.join();
            t2.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return (long) counts.size() + shared.get("w1");
    }

    /** Small tasks on a fixed pool, results read through futures. */
    static Object executor() {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Long>> fs = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                long k = i;
                fs.add(pool.submit(() -> {
                    long s = 0;
                    for (int j = 0; j < 1_000; j++) {
                        s += k * j;
                    }
                    return s;
                }));
            }
            long total = 0;
            for (Future<Long> f : fs) {
                total += f.get();
            }
            return total;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Items handed from a producer to a consumer through a blocking queue. */
    static final class Item {
        long payload;
    }

    static Object pipeline() {
        BlockingQueue<Item> q = new ArrayBlockingQueue<>(256);
        int n = 500_000;
        long[] sum = new long[1];
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    sum[0] += q.take().payload;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        try {
            for (int i = 0; i < n; i++) {
                Item it = new Item();
                it.payload = i;
                q.put(it);
            }
            consumer.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return sum[0];
    }

    /** Virtual threads that each fill their own slot, joined. */
    static Object virtualThreads() {
        long[] slots = new long[10_000];
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            int k = i;
            ts.add(Thread.ofVirtual().start(() -> {
                long s = 0;
                for (int j = 0; j < 2_000; j++) {
                    s += j ^ k;
                }
                slots[k] = s;
            }));
        }
        long total = 0;
        try {
            for (Thread t : ts) {
                t.join();
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        for (long s : slots) {
            total += s;
        }
        return total;
    }

    /** Many small objects built and kept: the detector's per-object memory. */
    static final class Node {
        int id;
        Node next;
    }

    static Object objects() {
        List<Node> nodes = new ArrayList<>();
        Node prev = null;
        for (int i = 0; i < 1_000_000; i++) {
            Node n = new Node();
            n.id = i;
            n.next = prev;
            prev = n;
            nodes.add(n);
        }
        long s = 0;
        for (Node n = prev; n != null; n = n.next) {
            s += n.id;
        }
        return s == 0 ? List.of() : nodes;
    }
}
