// expect: race ParallelStreamRacy.total lines 13
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** A parallel stream adds into one plain static field: the workers' updates race. */
public class ParallelStreamRacy {
    static long total;

    public static void main(String[] args) {
        // peek holds the first two threads of the stream until both arrived, so two threads surely add
        IntStream.range(0, 10_000).parallel().peek(ParallelStreamRacy::meet).forEach(i -> {
            total += i;
        });
    }

    private static final CountDownLatch TWO = new CountDownLatch(2);
    private static final ThreadLocal<Boolean> MET = ThreadLocal.withInitial(() -> false);

    /**
     * On a busy machine the calling thread can run a whole parallel stream alone, and then nothing races. Each of
     * the first two threads counts down before any of its additions, so the latch orders none of them.
     */
    static void meet(int i) {
        if (!MET.get()) {
            MET.set(true);
            TWO.countDown();
            try {
                TWO.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
