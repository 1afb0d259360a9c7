// expect: no race
/** Data published by a volatile flag: the write of ready happens before the read that sees it. */
public class VolatileFlag {
    int data;
    volatile boolean ready;

    public static void main(String[] args) throws InterruptedException {
        VolatileFlag f = new VolatileFlag();
        Thread writer = new Thread(() -> {
            f.data = 42;
            f.ready = true;
        });
        Thread reader = new Thread(() -> {
            while (!f.ready) {
                Thread.onSpinWait();
            }
            System.out.println(f.data);
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
