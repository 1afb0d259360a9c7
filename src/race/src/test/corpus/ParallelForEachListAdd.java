// expect: race ArrayList lines 13
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** A parallel stream adds into a plain ArrayList through a method reference: the workers' adds race. */
public class ParallelForEachListAdd {
    public static void main(String[] args) {
        List<Integer> list = new ArrayList<>();
        try {
            IntStream.range(0, 2_000).parallel().boxed().peek(ParallelForEachListAdd::meet).forEach(list::add);
        } catch (RuntimeException e) {
            System.out.println("the list broke: " + e);
        }
    }

    private static final CountDownLatch TWO = new CountDownLatch(2);
    private static final ThreadLocal<Boolean> MET = ThreadLocal.withInitial(() -> false);

    /**
     * Holds each of the first two threads of the stream until the other one arrives, so that the adds surely run on
     * two threads even on a busy machine. Each thread counts down before any of its adds, so the latch orders no add.
     */
    static void meet(Integer i) {
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
