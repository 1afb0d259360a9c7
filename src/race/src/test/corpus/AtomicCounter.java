// expect: no race
import java.util.concurrent.atomic.AtomicInteger;

/** An atomic counter; the final count is read after join. */
public class AtomicCounter {
    public static void main(String[] args) throws InterruptedException {
        AtomicInteger count = new AtomicInteger();
        Runnable work = () -> { for (int i = 0; i < 1000; i++) count.incrementAndGet(); };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(count.get());
    }
}
