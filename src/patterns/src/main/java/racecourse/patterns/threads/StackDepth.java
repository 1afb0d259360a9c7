package racecourse.patterns.threads;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures how deep a simple recursive method can go in a thread before it runs out of stack. A platform thread's
 * stack is reserved up front at a fixed size (the {@code -Xss} default, or the size asked for when the thread is
 * built); a virtual thread's frames live on its carrier's stack while it runs and are copied to the heap when it
 * parks, so it is small when idle, but its depth is still capped by the same limit. Thread-safe.
 */
public final class StackDepth {
    private StackDepth() {
    }

    /** Recurses in a new thread from {@code builder} until the stack overflows, and returns the depth reached. */
    public static int measure(Thread.Builder builder) throws InterruptedException {
        AtomicInteger deepest = new AtomicInteger(-1);
        Thread t = builder.start(() -> {
            int[] depth = {0};
            try {
                descend(depth);
            } catch (StackOverflowError expected) {
                deepest.set(depth[0]);
            }
        });
        t.join();
        if (deepest.get() < 0) throw new IllegalStateException("the recursion ended without a stack overflow");
        return deepest.get();
    }

    /** Depth reached in a platform thread with a stack of {@code bytes} (0 means the JVM's default). */
    public static int platform(long bytes) throws InterruptedException {
        return measure(Thread.ofPlatform().name("deep-platform").stackSize(bytes));
    }

    /** Depth reached in a virtual thread. */
    public static int virtual() throws InterruptedException {
        return measure(Thread.ofVirtual().name("deep-virtual"));
    }

    /**
     * Prints the depth reached in platform threads with 256 KB, default and 16 MB stacks and in a virtual thread,
     * one line each: {@code depth thread=platform-256k depth=...}. Run it in a child JVM with {@code -Xint}, so that
     * every frame has the same size and depths compare stack sizes only.
     */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("depth thread=platform-256k depth=" + platform(256 << 10));
        System.out.println("depth thread=platform-default depth=" + platform(0));
        System.out.println("depth thread=platform-16m depth=" + platform(16 << 20));
        System.out.println("depth thread=virtual depth=" + virtual());
    }

    private static long descend(int[] depth) {
        depth[0]++;
        long below = descend(depth); // never returns normally; the frame is kept by the use below
        return below + depth[0];
    }
}
