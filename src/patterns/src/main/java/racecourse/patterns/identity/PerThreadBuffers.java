package racecourse.patterns.identity;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.ArrayList;
import java.util.List;

/**
 * A per-thread cache of an expensive object (here a large formatting buffer) in a {@link ThreadLocal}: the
 * classic reason for thread-locals. On a pool of a few threads, each thread makes one buffer and reuses it for
 * every task. On virtual threads, one thread per task, every task makes its own buffer and throws it away: the
 * cache never hits, and with many threads alive at once, there are as many buffers as threads. Thread-safe.
 */
public final class PerThreadBuffers {
    private final int bufferChars;
    private final LongAdder created = new LongAdder();
    private final ThreadLocal<StringBuilder> buffer;

    /** A cache whose buffers hold {@code bufferChars} characters. */
    public PerThreadBuffers(int bufferChars) {
        if (bufferChars < 1) throw new IllegalArgumentException("bufferChars must be positive");
        this.bufferChars = bufferChars;
        this.buffer = ThreadLocal.withInitial(() -> {
            created.increment();
            return new StringBuilder(this.bufferChars);
        });
    }

    /** Formats a request with this thread's buffer. */
    public String format(Request request) {
        StringBuilder b = buffer.get();
        b.setLength(0);
        return b.append('#').append(request.id()).append(' ').append(request.userOrAnonymous()).toString();
    }

    /** How many buffers have been made so far. */
    public long buffersCreated() {
        return created.sum();
    }

    /** Formats {@code tasks} requests as separate tasks on {@code executor} and waits for them all. */
    public void run(ExecutorService executor, int tasks) throws Exception {
        List<Future<String>> all = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Request r = new Request(i, "user" + (i % 10));
            Callable<String> task = () -> format(r);
            all.add(executor.submit(task));
        }
        for (Future<String> f : all) f.get();
    }

    /** Buffers made for {@code tasks} tasks on a pool of {@code threads} platform threads (a fresh cache). */
    public static long onPool(int bufferChars, int threads, int tasks) throws Exception {
        PerThreadBuffers cache = new PerThreadBuffers(bufferChars);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            cache.run(pool, tasks);
        }
        return cache.buffersCreated();
    }

    /** Buffers made for {@code tasks} tasks, one virtual thread each (a fresh cache). */
    public static long onVirtualThreads(int bufferChars, int tasks) throws Exception {
        PerThreadBuffers cache = new PerThreadBuffers(bufferChars);
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            cache.run(each, tasks);
        }
        return cache.buffersCreated();
    }
}
