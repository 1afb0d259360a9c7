// expect: race StaticCounter.hits lines 7
/** A static counter incremented from two threads. */
public class StaticCounter {
    static int hits;

    static void hit() {
        hits++; // race
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(StaticCounter::hit);
        Thread b = new Thread(StaticCounter::hit);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(hits);
    }
}
