// expect: race PlainFlag.ready lines 11,14
/** VolatileFlag without volatile: the flag itself is raced on, and nothing orders the data. */
public class PlainFlag {
    int data;
    boolean ready;

    public static void main(String[] args) throws InterruptedException {
        PlainFlag f = new PlainFlag();
        Thread writer = new Thread(() -> {
            f.data = 42;
            f.ready = true; // race
        });
        Thread reader = new Thread(() -> {
            if (f.ready) { // race
                System.out.println(f.data);
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
