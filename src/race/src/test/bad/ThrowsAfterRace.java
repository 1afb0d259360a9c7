public class ThrowsAfterRace {
    static int shared;

    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> shared = 1);
        t.start();
        shared = 2;
        t.join();
        throw new IllegalStateException("boom after the race");
    }
}
