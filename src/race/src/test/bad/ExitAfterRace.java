public class ExitAfterRace {
    static int shared;

    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> shared = 1);
        t.start();
        shared = 2;
        t.join();
        System.exit(5);
    }
}
