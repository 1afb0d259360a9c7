// expect: race RacyCounter.value lines 8,9
/** Two threads increment a plain field: a lost update and a data race. */
public class RacyCounter {
    int value;

    public static void main(String[] args) throws InterruptedException {
        RacyCounter c = new RacyCounter();
        Thread a = new Thread(() -> c.value++, "worker-1"); // race
        Thread b = new Thread(() -> c.value++, "worker-2"); // race
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(c.value);
    }
}
