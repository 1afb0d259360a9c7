package racecourse.patterns.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Serves requests on a thread pool or on virtual threads, one task each, in order. Thread-safe. */
public final class Serve {
    private Serve() {
    }

    /** Serves the requests one after another on a pool of {@code threads} platform threads; returns the lines. */
    public static List<String> onPool(RequestHandler handler, List<Request> requests, int threads) {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            return serve(handler, requests, pool);
        }
    }

    /** Serves each request on a virtual thread of its own, one after another; returns the lines. */
    public static List<String> onVirtualThreads(RequestHandler handler, List<Request> requests) {
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            return serve(handler, requests, each);
        }
    }

    private static List<String> serve(RequestHandler handler, List<Request> requests, ExecutorService executor) {
        List<String> lines = new ArrayList<>();
        for (Request r : requests) {
            Future<String> line = executor.submit(() -> handler.handle(r));
            try {
                lines.add(line.get()); // one at a time, so the pool reuses its threads in a known way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while serving " + r, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("serving " + r + " failed", e.getCause());
            }
        }
        return lines;
    }
}
