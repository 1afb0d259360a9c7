// expect: race int[] element 0 lines 10
/** A ThreadLocal whose initial value is one shared array confines nothing: two threads write the same element. */
public class ThreadLocalSharedValue {
    static final int[] shared = new int[1];
    static final ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> shared);

    public static void main(String[] args) throws InterruptedException {
        Runnable work = () -> {
            for (int i = 0; i < 100; i++) {
                counts.get()[0]++;
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(shared[0]);
    }
}
