// expect: no race
/** A ThreadLocal gives each thread its own counter. */
public class ThreadLocalCounter {
    static final class Counter {
        int n;
    }

    static final ThreadLocal<Counter> COUNTER = ThreadLocal.withInitial(Counter::new);

    public static void main(String[] args) throws InterruptedException {
        Runnable work = () -> {
            for (int i = 0; i < 10; i++) {
                COUNTER.get().n++;
            }
            System.out.println(COUNTER.get().n);
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
